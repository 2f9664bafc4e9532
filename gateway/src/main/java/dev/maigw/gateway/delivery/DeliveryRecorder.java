package dev.maigw.gateway.delivery;

import dev.maigw.gateway.message.NewMessage;
import dev.maigw.gateway.message.StoredMessageListener;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records one delivery per matching enabled target inside the stored message's own commit, so a
 * committed message can never miss its forwarding. With no targets this does nothing.
 */
@Component
class DeliveryRecorder implements StoredMessageListener {

  private static final String INSERT =
      """
      INSERT INTO deliveries (delivery_id, target_id, message_seq, conversation_id, status,
          next_attempt_at_ms, created_at_ms)
      VALUES (?, ?, ?, ?, 'pending', ?, ?)
      """;

  private final EnabledTargets targets;
  private final DeliveryWakeUps wakeUps;

  DeliveryRecorder(EnabledTargets targets, DeliveryWakeUps wakeUps) {
    this.targets = targets;
    this.wakeUps = wakeUps;
  }

  @Override
  public void onStored(WriteSession session, NewMessage message, long seq) throws SQLException {
    List<Target> enabled = targets.all();
    if (enabled.isEmpty()) {
      return;
    }
    boolean recorded = false;
    long now = message.receivedAt().toEpochMilli();
    for (Target target : enabled) {
      if (!target.accepts(
          message.type(), message.conversationId(), message.senderId(), message.content())) {
        continue;
      }
      PreparedStatement insert = session.prepared(INSERT);
      insert.setString(1, "msg_" + UUID.randomUUID().toString().replace("-", ""));
      insert.setString(2, target.id());
      insert.setLong(3, seq);
      insert.setString(4, message.conversationId());
      insert.setLong(5, now);
      insert.setLong(6, now);
      insert.executeUpdate();
      recorded = true;
    }
    if (recorded) {
      session.afterCommit(wakeUps::signal);
    }
  }
}
