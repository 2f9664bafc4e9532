package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import dev.maigw.gateway.message.NewMessage;
import dev.maigw.gateway.message.StoredMessageListener;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Records one delivery per matching enabled target inside the stored message's own commit, so a
 * committed message can never miss its forwarding, even to a target created a moment before on
 * another instance. With no targets this costs one version read per write transaction.
 *
 * <p>When the target's lane here has room, the delivery is leased to this instance in the same
 * insert and handed to the lane once the commit is durable: no claim query and no message lookup
 * stand between intake and the first attempt. Otherwise (lane full, no worker running, or an
 * ordered target with an earlier delivery of the conversation still pending) it waits, unleased,
 * for the worker's claim.
 */
@Component
class DeliveryRecorder implements StoredMessageListener {

  private static final String INSERT =
      """
      INSERT INTO deliveries (delivery_id, target_id, message_seq, conversation_id, status,
          next_attempt_at_ms, lease_until_ms, lease_owner, created_at_ms)
      VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)
      """;

  private static final String PENDING_IN_CONVERSATION =
      """
      SELECT 1 FROM deliveries
      WHERE target_id = ? AND conversation_id = ? AND status = 'pending' LIMIT 1
      """;

  private static final HexFormat HEX = HexFormat.of();

  private final EnabledTargets targets;
  private final DeliveryWakeUps wakeUps;
  private final DeliveryLanes lanes;
  private final DeliveryProperties properties;

  DeliveryRecorder(
      EnabledTargets targets,
      DeliveryWakeUps wakeUps,
      DeliveryLanes lanes,
      DeliveryProperties properties) {
    this.targets = targets;
    this.wakeUps = wakeUps;
    this.lanes = lanes;
    this.properties = properties;
  }

  @Override
  public void onStored(WriteSession session, NewMessage message, long seq) throws SQLException {
    List<Target> enabled = targets.current(session);
    if (enabled.isEmpty()) {
      return;
    }
    boolean waiting = false;
    List<Job> leased = new ArrayList<>();
    Instant now = message.receivedAt();
    for (Target target : enabled) {
      if (!target.accepts(
          message.type(), message.conversationId(), message.senderId(), message.content())) {
        continue;
      }
      String deliveryId = newDeliveryId();
      boolean lease =
          lanes.hasRoom(target.id(), message.body().length)
              && (!target.ordered() || !pendingInConversation(session, target, message));
      Instant leaseUntil = lease ? now.plus(properties.lease()).plus(target.timeout()) : null;
      String leaseOwner = lease ? DeliveryStore.newLeaseOwner() : null;
      PreparedStatement insert = session.prepared(INSERT);
      insert.setString(1, deliveryId);
      insert.setString(2, target.id());
      insert.setLong(3, seq);
      insert.setString(4, message.conversationId());
      insert.setLong(5, now.toEpochMilli());
      if (lease) {
        insert.setLong(6, leaseUntil.toEpochMilli());
      } else {
        insert.setNull(6, Types.BIGINT);
      }
      insert.setString(7, leaseOwner);
      insert.setLong(8, now.toEpochMilli());
      insert.executeUpdate();
      if (lease) {
        // attempts stays 0 in the store until the attempt is recorded: a lease that runs out
        // before the attempt ran costs the delivery nothing.
        Delivery delivery =
            new Delivery(
                deliveryId,
                target.id(),
                seq,
                message.conversationId(),
                Delivery.PENDING,
                1,
                now,
                null,
                null,
                now,
                null);
        leased.add(new Job(delivery, message.body(), leaseUntil, leaseOwner, message.messageId()));
      } else {
        waiting = true;
      }
    }
    if (!leased.isEmpty()) {
      session.afterCommit(() -> lanes.add(leased));
    }
    if (waiting) {
      session.afterCommit(wakeUps::signal);
    }
  }

  /**
   * {@code msg_} and 128 random bits in hex: unique, which is all a {@code webhook-id} needs. Not
   * {@code UUID.randomUUID()}, whose shared SecureRandom would be read on the writer thread for
   * every delivery.
   */
  private static String newDeliveryId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "msg_" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }

  /** Whether an ordered target still has an earlier delivery of this conversation to make. */
  private static boolean pendingInConversation(
      WriteSession session, Target target, NewMessage message) throws SQLException {
    PreparedStatement query = session.prepared(PENDING_IN_CONVERSATION);
    query.setString(1, target.id());
    query.setString(2, message.conversationId());
    try (ResultSet rows = query.executeQuery()) {
      return rows.next();
    }
  }
}
