package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.message.MessageSource;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.NewMessage;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the send store must do, whatever the database: the same assertions run against SQLite and a
 * real PostgreSQL. Time is the gateway's settable clock; nothing sleeps. The bridge is not
 * configured, so no dispatcher touches these sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SendStoreContract {

  static final Duration REPLY_TIMEOUT = Duration.ofMinutes(5);

  RunningGateway gateway;
  SendStore store;
  MessageStore messages;
  SettableClock clock;

  /** Starts a gateway (with {@link SettableClock.Override}) on the database under test. */
  abstract RunningGateway startGateway();

  @BeforeAll
  void start() {
    gateway = startGateway();
    store = gateway.bean(SendStore.class);
    messages = gateway.bean(MessageStore.class);
    clock = gateway.bean(SettableClock.class);
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @Test
  void createsAQueuedSend() {
    Send send = create("conv-create", "你好", null);

    assertThat(send.status()).isEqualTo("queued");
    assertThat(send.content()).isEqualTo("你好");
    assertThat(send.createdAt()).isEqualTo(clock.instant());
    assertThat(send.dispatchedAt()).isNull();
    assertThat(store.find(send.sendId())).contains(send);
  }

  @Test
  void findsTheSameSendForTheSameKeyInTheSameConversationOnly() {
    Send first = create("conv-key", "一", "key-1");

    assertThat(create("conv-key", "一", "key-1").sendId()).isEqualTo(first.sendId());
    assertThat(create("conv-key", "一", "key-2").sendId()).isNotEqualTo(first.sendId());
    assertThat(create("conv-key-other", "一", "key-1").sendId()).isNotEqualTo(first.sendId());
    assertThat(create("conv-key", "一", null).sendId())
        .isNotEqualTo(create("conv-key", "一", null).sendId());
  }

  @Test
  void returnsTheFirstSendToARetryWithAnotherBodySoTheCallerCanRefuseIt() {
    Send first = create("conv-key-body", "原文", "k");

    Send again = create("conv-key-body", "改過", "k");

    assertThat(again.sendId()).isEqualTo(first.sendId());
    assertThat(again.hasBody("改過", "[]")).isFalse();
    assertThat(again.hasBody("原文", "[]")).isTrue();
  }

  @Test
  void createsOneSendWhenRetriesWithOneKeyRace() throws Exception {
    List<Callable<Send>> retries = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      retries.add(() -> create("conv-key-race", "同時", "race"));
    }

    List<String> ids = new ArrayList<>();
    for (Future<Send> result : race(retries)) {
      ids.add(result.get().sendId());
    }

    assertThat(ids).hasSize(16).containsOnly(ids.get(0));
  }

  @Test
  void dispatchesOneSendPerConversationInQueueOrder() {
    Send a1 = create("conv-order-a", "a1", null);
    Send a2 = create("conv-order-a", "a2", null);
    Send b1 = create("conv-order-b", "b1", null);

    assertThat(dispatchableIn("conv-order-a", "conv-order-b"))
        .containsExactly(a1.sendId(), b1.sendId());
    assertThat(store.claim(a1.sendId())).isTrue();
    assertThat(dispatchableIn("conv-order-a", "conv-order-b")).containsExactly(b1.sendId());

    store.markSent(a1.sendId(), "receipt-a1");
    assertThat(dispatchableIn("conv-order-a")).as("sent holds the conversation").isEmpty();

    clock.advance(REPLY_TIMEOUT.plusSeconds(1));
    assertThat(dispatchableIn("conv-order-a")).containsExactly(a2.sendId());
  }

  @Test
  void holdsTheConversationWhileTheOutcomeIsUnknownButNotAfterARefusal() {
    Send unknown = create("conv-hold-unknown", "u1", null);
    Send next = create("conv-hold-unknown", "u2", null);
    Send refused = create("conv-hold-failed", "f1", null);
    Send afterRefusal = create("conv-hold-failed", "f2", null);
    store.claim(unknown.sendId());
    store.claim(refused.sendId());

    store.markUnknown(unknown.sendId(), 503, null, "MaiAgent answered 503.", "");
    store.markFailed(refused.sendId(), 400, "MaiAgent answered 400.", "");

    assertThat(store.find(unknown.sendId()).orElseThrow().status()).isEqualTo("unknown");
    assertThat(dispatchableIn("conv-hold-unknown", "conv-hold-failed"))
        .containsExactly(afterRefusal.sendId());
    clock.advance(REPLY_TIMEOUT.plusSeconds(1));
    assertThat(dispatchableIn("conv-hold-unknown")).containsExactly(next.sendId());
  }

  @Test
  void letsExactlyOneOfTwoRacingDispatchersClaimASend() throws Exception {
    Send send = create("conv-claim", "搶", null);
    List<Callable<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      claims.add(() -> store.claim(send.sendId()));
    }

    int won = 0;
    for (Future<Boolean> claim : race(claims)) {
      won += claim.get() ? 1 : 0;
    }

    assertThat(won).isEqualTo(1);
    Send claimed = store.find(send.sendId()).orElseThrow();
    assertThat(claimed.status()).isEqualTo("sending");
    assertThat(claimed.dispatchedAt()).isEqualTo(clock.instant());
  }

  @Test
  void movesThroughTheOutcomesOnlyForward() {
    Send send = dispatched("conv-transitions");

    store.markUnknown(send.sendId(), 0, null, "No answer.", null);
    assertThat(status(send)).isEqualTo("unknown");
    store.markSent(send.sendId(), "receipt-late");
    assertThat(status(send)).as("a late 201 proves it was taken").isEqualTo("sent");
    store.markUnknown(send.sendId(), 500, null, "Too late.", null);
    assertThat(status(send)).as("unknown never overwrites sent").isEqualTo("sent");
    store.markFailed(send.sendId(), 400, "Too late.", null);
    assertThat(status(send)).as("failed never overwrites sent").isEqualTo("sent");
  }

  @Test
  void keepsRepliedWhateverTheCallReportsAfterwards() {
    Send send = dispatched("conv-replied-first");
    reply("conv-replied-first", clock.instant());

    store.markSent(send.sendId(), "receipt");
    store.markUnknown(send.sendId(), 500, null, "late", null);
    store.markFailed(send.sendId(), 400, "late", null);

    Send after = store.find(send.sendId()).orElseThrow();
    assertThat(after.status()).isEqualTo("replied");
    assertThat(after.receiptMessageId()).isEqualTo("receipt");
  }

  @Test
  void turnsSendsLeftSendingPastTheRequestTimeoutIntoUnknownNeverQueued() {
    Send stale = dispatched("conv-stale");
    clock.advance(Duration.ofSeconds(31));
    Send fresh = dispatched("conv-stale-fresh");

    List<String> changed = store.recoverStale(clock.instant().minus(Duration.ofSeconds(30)));

    assertThat(changed).contains(stale.sendId()).doesNotContain(fresh.sendId());
    assertThat(status(stale)).isEqualTo("unknown");
    assertThat(status(fresh)).isEqualTo("sending");
    assertThat(store.recoverStale(clock.instant().minus(Duration.ofSeconds(30))))
        .doesNotContain(stale.sendId());
  }

  @Test
  void givesAReplyCreatedBeforeTheNextSendWasDispatchedToThePreviousSend() {
    Send first = dispatched("conv-match-order");
    Instant firstDispatched = clock.instant();
    reply("conv-match-order", firstDispatched.plusSeconds(1));
    clock.advance(Duration.ofSeconds(30));
    Send second = dispatched("conv-match-order");

    reply("conv-match-order", firstDispatched.plusSeconds(10));

    assertThat(store.replySeqs(first.sendId())).hasSize(2);
    assertThat(store.replySeqs(second.sendId())).isEmpty();
    assertThat(status(second)).isEqualTo("sending");

    reply("conv-match-order", clock.instant().plusMillis(500));
    assertThat(store.replySeqs(second.sendId())).hasSize(1);
  }

  @Test
  void acceptsAReplyCreatedWithinTheClockSkewBeforeTheDispatchButNeverEarlier() {
    Send send = dispatched("conv-match-skew");

    reply("conv-match-skew", clock.instant().minusSeconds(3));
    assertThat(store.replySeqs(send.sendId())).as("created 3 s before it was sent").isEmpty();

    reply("conv-match-skew", clock.instant().minusSeconds(1));
    assertThat(store.replySeqs(send.sendId())).as("1 s is within the 2 s skew").hasSize(1);
  }

  @Test
  void matchesAReplyWithoutCreatedAtByTheTimeItWasReceived() {
    Send send = dispatched("conv-match-received");

    messages.insert(newReply("conv-match-received", null, clock.instant()));

    assertThat(store.replySeqs(send.sendId())).hasSize(1);
  }

  @Test
  void givesRepliesToSendsWhoseOutcomeIsUnknownButNotToRefusedOnes() {
    Send unknown = dispatched("conv-match-unknown");
    store.markUnknown(unknown.sendId(), 502, null, "Bad gateway.", null);
    Send refused = dispatched("conv-match-refused");
    store.markFailed(refused.sendId(), 400, "Bad request.", null);

    reply("conv-match-unknown", clock.instant());
    reply("conv-match-refused", clock.instant());

    assertThat(status(unknown)).isEqualTo("replied");
    assertThat(store.replySeqs(unknown.sendId())).hasSize(1);
    assertThat(status(refused)).isEqualTo("failed");
    assertThat(store.replySeqs(refused.sendId())).isEmpty();
  }

  @Test
  void findsSendsSettledSinceAMoment() {
    Instant before = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    Send replied = dispatched("conv-settled");
    reply("conv-settled", clock.instant());
    Send pending = dispatched("conv-settled-pending");

    List<String> settled = store.settledSince(before.plusMillis(1));

    assertThat(settled).contains(replied.sendId()).doesNotContain(pending.sendId());
  }

  private Send create(String conversation, String content, String key) {
    return store.create(conversation, content, "[]", key).join();
  }

  private Send dispatched(String conversation) {
    Send send = create(conversation, "問題", null);
    assertThat(store.claim(send.sendId())).isTrue();
    return store.find(send.sendId()).orElseThrow();
  }

  private String status(Send send) {
    return store.find(send.sendId()).orElseThrow().status();
  }

  private List<String> dispatchableIn(String... conversations) {
    List<String> wanted = List.of(conversations);
    return store.dispatchable(clock.instant().minus(REPLY_TIMEOUT), 1000).stream()
        .filter(s -> wanted.contains(s.conversationId()))
        .map(Send::sendId)
        .toList();
  }

  private void reply(String conversation, Instant createdAt) {
    messages.insert(newReply(conversation, createdAt, clock.instant()));
  }

  private static NewMessage newReply(String conversation, Instant createdAt, Instant receivedAt) {
    String id = "reply-" + UUID.randomUUID();
    byte[] body = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    return new NewMessage(
        id,
        conversation,
        "outgoing",
        "回覆",
        "1",
        "bot",
        null,
        createdAt,
        receivedAt,
        0,
        0,
        body,
        sha256(body),
        MessageSource.WEBHOOK);
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<Future<T>> race(List<Callable<T>> tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> results = new ArrayList<>();
    for (Callable<T> task : tasks) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                return task.call();
              }));
    }
    go.countDown();
    pool.shutdown();
    return results;
  }
}
