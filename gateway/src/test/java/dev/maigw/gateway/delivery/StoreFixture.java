package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.NewMessage;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import dev.maigw.gateway.support.StaticDns;
import dev.maigw.sdk.webhook.MaiAgentWebhookReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gateway for the delivery and target store contracts, on the database under test, with a
 * settable clock and its delivery worker stopped: every claim is the test's own, and time only
 * moves when the test moves it.
 */
final class StoreFixture implements AutoCloseable {

  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final MaiAgentWebhookReader READER = new MaiAgentWebhookReader();
  private static final AtomicInteger NAMES = new AtomicInteger();

  final RunningGateway gateway;
  final SettableClock clock;
  final DeliveryStore deliveries;
  final TargetStore targets;
  final EnabledTargets enabled;
  final MessageStore messages;

  StoreFixture(Map<String, String> properties) {
    gateway =
        RunningGateway.startWith(
            properties, SettableClock.Override.class, StaticDns.Override.class);
    gateway.bean(DeliveryWorker.class).stop();
    clock = gateway.bean(SettableClock.class);
    deliveries = gateway.bean(DeliveryStore.class);
    targets = gateway.bean(TargetStore.class);
    enabled = gateway.bean(EnabledTargets.class);
    messages = gateway.bean(MessageStore.class);
  }

  /** An enabled target for one conversation only, so tests do not see each other's deliveries. */
  Target target(String conversation, boolean ordered) {
    return target("t-" + NAMES.incrementAndGet(), conversation, ordered);
  }

  Target target(String id, String conversation, boolean ordered) {
    return create(id, settings(id, conversation, null, ordered));
  }

  /** An enabled target for the replies whose content contains {@code text}, any conversation. */
  Target targetForContent(String text, boolean ordered) {
    String id = "t-" + NAMES.incrementAndGet();
    return create(id, settings(id, null, text, ordered));
  }

  private Target create(String id, TargetSettings settings) {
    Target target = targets.create(settings, id, secret());
    enabled.reload();
    return target;
  }

  static TargetSettings settings(
      String name, String conversation, String contentContains, boolean ordered) {
    return new TargetSettings(
        name,
        "https://receiver.example.com/" + name,
        List.of("outgoing"),
        conversation,
        null,
        contentContains,
        Map.of(),
        TIMEOUT,
        ordered);
  }

  static String secret() {
    return SigningSecret.generate();
  }

  /** Stores a reply received now (by the settable clock); returns its seq. */
  long store(String messageId, String conversation) {
    byte[] body = Fixtures.reply(messageId, conversation);
    messages.insert(NewMessage.of(READER.read(body), body, sha256(body), clock.instant()));
    return messages.find(messageId).orElseThrow().seq();
  }

  /** Claims up to {@code count} due deliveries of {@code target}, leased for {@link #LEASE}. */
  List<Job> claim(Target target, int count) {
    return deliveries.claimDue(Map.of(target, count), LEASE).get(target.id());
  }

  Delivery delivery(Job job) {
    return deliveries.find(job.delivery().id()).orElseThrow();
  }

  /** Records an attempt with this outcome, waiting for its commit; true when it settled. */
  boolean record(Job job, Integer statusCode, String status) {
    return recorded(job, statusCode, status).settled();
  }

  /** Records an attempt with this outcome, waiting for its commit: what became of the delivery. */
  DeliveryStore.Recorded recorded(Job job, Integer statusCode, String status) {
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            0,
            clock.instant(),
            5,
            statusCode,
            statusCode == null ? "connect_refused: no answer" : null,
            null,
            false);
    return deliveries
        .record(
            job,
            attempt,
            status,
            Delivery.PENDING.equals(status) ? clock.instant() : null,
            false,
            null)
        .join();
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    gateway.close();
  }
}
