package dev.maigw.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.sdk.webhook.MaiAgentWebhookReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every store must do, whatever the database. Subclasses only say which database; the same
 * assertions run against SQLite and a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageStoreContract {

  private static final MaiAgentWebhookReader READER = new MaiAgentWebhookReader();

  RunningGateway gateway;
  MessageStore store;

  /** Starts a gateway on the database under test. */
  abstract RunningGateway startGateway();

  @BeforeAll
  void start() {
    gateway = startGateway();
    store = gateway.bean(MessageStore.class);
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @Test
  void storesANewMessageOnceAndCountsRepeats() {
    NewMessage message = newMessage(Fixtures.reply("c-once", "conv-once"));

    assertThat(store.insert(message)).isEqualTo(InsertOutcome.STORED);
    assertThat(store.insert(message)).isEqualTo(InsertOutcome.DUPLICATE);
    assertThat(store.insert(message)).isEqualTo(InsertOutcome.DUPLICATE);

    StoredMessage stored = store.find("c-once").orElseThrow();
    assertThat(stored.duplicateCount()).isEqualTo(2);
    assertThat(stored.conflictCount()).isZero();
    assertThat(store.conversationMessages("conv-once", 0, 10)).hasSize(1);
  }

  @Test
  void keepsTheFirstBodyWhenTheSameIdComesWithAnother() {
    byte[] first = Fixtures.reply("c-conflict", "conv-conflict", "first");
    store.insert(newMessage(first));

    InsertOutcome outcome =
        store.insert(newMessage(Fixtures.reply("c-conflict", "conv-conflict", "second")));

    assertThat(outcome).isEqualTo(InsertOutcome.CONFLICT);
    StoredMessage stored = store.find("c-conflict").orElseThrow();
    assertThat(stored.body()).isEqualTo(first);
    assertThat(stored.content()).isEqualTo("first");
    assertThat(stored.conflictCount()).isEqualTo(1);
  }

  @Test
  void keepsTheBodyByteForByteAndMakesTextColumnsStorable() {
    byte[] body =
        Fixtures.reply("c-bytes", "conv-bytes", "a\\u0000b \\ud800 1e999999999 é").clone();

    store.insert(newMessage(body));

    StoredMessage stored = store.find("c-bytes").orElseThrow();
    assertThat(stored.body()).isEqualTo(body);
    assertThat(stored.content()).isEqualTo("a\uFFFDb \uFFFD 1e999999999 é");
  }

  @Test
  void readsAConversationInCommitOrderPageByPage() {
    for (int i = 0; i < 7; i++) {
      store.insert(newMessage(Fixtures.reply("c-page-" + i, "conv-page")));
    }

    List<StoredMessage> first = store.conversationMessages("conv-page", 0, 3);
    List<StoredMessage> second = store.conversationMessages("conv-page", first.get(2).seq(), 3);
    List<StoredMessage> third = store.conversationMessages("conv-page", second.get(2).seq(), 3);

    List<String> ids = new ArrayList<>();
    for (List<StoredMessage> page : List.of(first, second, third)) {
      page.forEach(m -> ids.add(m.messageId()));
    }
    assertThat(ids)
        .containsExactly(
            "c-page-0", "c-page-1", "c-page-2", "c-page-3", "c-page-4", "c-page-5", "c-page-6");
    assertThat(third).hasSize(1);
  }

  @Test
  void listsConversationsByLatestActivityWithCounts() {
    store.insert(newMessage(Fixtures.reply("c-act-1", "conv-act-a")));
    store.insert(newMessage(Fixtures.reply("c-act-2", "conv-act-b")));
    store.insert(newMessage(Fixtures.reply("c-act-3", "conv-act-a")));

    List<ConversationSummary> latest = store.conversations(Long.MAX_VALUE, 2);

    assertThat(latest)
        .extracting(ConversationSummary::conversationId)
        .containsExactly("conv-act-a", "conv-act-b");
    assertThat(latest.get(0).messageCount()).isEqualTo(2);
    assertThat(latest.get(1).messageCount()).isEqualTo(1);
  }

  @Test
  void storesFiftyConcurrentCopiesOnce() throws Exception {
    NewMessage message = newMessage(Fixtures.reply("c-race", "conv-race"));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<InsertOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                go.await();
                return store.insert(message);
              }));
    }
    go.countDown();
    List<InsertOutcome> results = new ArrayList<>();
    for (Future<InsertOutcome> outcome : outcomes) {
      results.add(outcome.get());
    }
    pool.shutdown();

    assertThat(results).containsOnlyOnce(InsertOutcome.STORED);
    assertThat(store.conversationMessages("conv-race", 0, 100)).hasSize(1);
    assertThat(store.find("c-race").orElseThrow().duplicateCount()).isEqualTo(49);
  }

  @Test
  void aWebhookForAReconciledReplyIsADuplicateAndTheReconciledCopyStays() {
    byte[] listed = Fixtures.reply("c-rec", "conv-rec", "from the list");
    byte[] webhook = Fixtures.reply("c-rec", "conv-rec", "from the webhook");

    assertThat(store.insert(newMessage(listed, MessageSource.RECONCILED)))
        .isEqualTo(InsertOutcome.STORED);
    assertThat(store.insert(newMessage(webhook))).isEqualTo(InsertOutcome.DUPLICATE);

    StoredMessage stored = store.find("c-rec").orElseThrow();
    assertThat(stored.source()).isEqualTo(MessageSource.RECONCILED);
    assertThat(stored.body()).isEqualTo(listed);
    assertThat(stored.duplicateCount()).isEqualTo(1);
    assertThat(stored.conflictCount()).isZero();
    assertThat(store.conversationMessages("conv-rec", 0, 10)).hasSize(1);
  }

  @Test
  void aReconciledCopyOfAWebhookReplyIsADuplicateAndAnotherWebhookBodyStillConflicts() {
    store.insert(newMessage(Fixtures.reply("c-rec-2", "conv-rec-2", "first")));

    InsertOutcome reconciled =
        store.insert(
            newMessage(
                Fixtures.reply("c-rec-2", "conv-rec-2", "listed"), MessageSource.RECONCILED));
    InsertOutcome otherWebhook =
        store.insert(newMessage(Fixtures.reply("c-rec-2", "conv-rec-2", "second")));

    assertThat(reconciled).isEqualTo(InsertOutcome.DUPLICATE);
    assertThat(otherWebhook).isEqualTo(InsertOutcome.CONFLICT);
    assertThat(store.find("c-rec-2").orElseThrow().source()).isEqualTo(MessageSource.WEBHOOK);
  }

  @Test
  void storedIdsNamesOnlyTheIdsAlreadyStored() {
    store.insert(newMessage(Fixtures.reply("c-known-1", "conv-known")));
    store.insert(newMessage(Fixtures.reply("c-known-2", "conv-known"), MessageSource.RECONCILED));

    assertThat(store.storedIds(java.util.List.of("c-known-1", "c-known-2", "c-unknown")))
        .containsExactlyInAnyOrder("c-known-1", "c-known-2");
    assertThat(store.storedIds(java.util.List.of())).isEmpty();
  }

  static NewMessage newMessage(byte[] body, MessageSource source) {
    NewMessage webhook = newMessage(body);
    return NewMessage.of(READER.read(body), body, webhook.bodySha256(), Instant.now(), source);
  }

  static NewMessage newMessage(byte[] body) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
      return NewMessage.of(READER.read(body), body, sha, Instant.now());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
