package dev.maigw.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console's reads of the message store ({@link MessageStore#search} and the counts), the same
 * on every database. Subclasses only say which database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageSearchContract {

  RunningGateway gateway;
  MessageStore store;

  abstract RunningGateway startGateway();

  @BeforeAll
  void start() {
    gateway = startGateway();
    store = gateway.bean(MessageStore.class);
    store.insert(MessageStoreContract.newMessage(Fixtures.reply("s-1", "conv-s", "退貨 100%_done")));
    store.insert(MessageStoreContract.newMessage(Fixtures.reply("s-2", "conv-s", "RETURN policy")));
    store.insert(MessageStoreContract.newMessage(Fixtures.reply("s-3", "conv-t", "return it")));
    store.insert(MessageStoreContract.newMessage(Fixtures.reply("s-3", "conv-t", "return it")));
    store.insert(MessageStoreContract.newMessage(Fixtures.reply("s-2", "conv-s", "other body")));
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  @Test
  void searchesByTextCaseInsensitivelyWithLikeCharactersTakenLiterally() {
    assertThat(ids(new MessageSearch(null, null, null, null, "return", null)))
        .containsExactly("s-3", "s-2");
    assertThat(ids(new MessageSearch(null, null, null, null, "100%_", null)))
        .containsExactly("s-1");
    assertThat(ids(new MessageSearch(null, null, null, null, "0_d", null))).isEmpty();
    assertThat(ids(new MessageSearch(null, null, null, null, "%", null))).containsExactly("s-1");
  }

  @Test
  void filtersByConversationTypeTimeAndOutcomeNewestFirstByCursor() {
    assertThat(ids(new MessageSearch("conv-s", null, null, null, null, null)))
        .containsExactly("s-2", "s-1");
    assertThat(ids(new MessageSearch(null, "incoming", null, null, null, null))).isEmpty();
    assertThat(ids(new MessageSearch(null, "outgoing", null, null, null, null))).hasSize(3);
    Instant now = Instant.now();
    assertThat(ids(new MessageSearch(null, null, now.minus(Duration.ofHours(1)), null, null, null)))
        .hasSize(3);
    assertThat(ids(new MessageSearch(null, null, null, now.minus(Duration.ofHours(1)), null, null)))
        .isEmpty();
    assertThat(
            ids(new MessageSearch(null, null, null, null, null, MessageSearch.Outcome.DUPLICATED)))
        .containsExactly("s-3");
    assertThat(
            ids(new MessageSearch(null, null, null, null, null, MessageSearch.Outcome.CONFLICTED)))
        .containsExactly("s-2");
    assertThat(
            ids(new MessageSearch(null, null, null, null, null, MessageSearch.Outcome.STORED_ONCE)))
        .containsExactly("s-1");
    long newest = store.search(MessageSearch.none(), Long.MAX_VALUE, 1).get(0).seq();
    assertThat(store.search(MessageSearch.none(), newest, 10))
        .extracting(StoredMessage::messageId)
        .containsExactly("s-2", "s-1");
  }

  @Test
  void countsOutcomesAndRecentArrivals() {
    MessageStore.OutcomeCounts counts = store.outcomeCounts();
    assertThat(counts.stored()).isEqualTo(3);
    assertThat(counts.duplicates()).isEqualTo(1);
    assertThat(counts.conflicts()).isEqualTo(1);
    assertThat(counts.conversations()).isEqualTo(2);
    assertThat(store.receivedSince(Instant.now().minus(Duration.ofMinutes(5)))).isEqualTo(3);
    assertThat(store.receivedSince(Instant.now().plus(Duration.ofMinutes(5)))).isZero();
  }

  @Test
  void readsTheLastPageOfAConversationInCommitOrder() {
    assertThat(store.conversationMessagesBefore("conv-s", Long.MAX_VALUE, 1))
        .extracting(StoredMessage::messageId)
        .containsExactly("s-2");
    assertThat(store.conversationMessagesBefore("conv-s", Long.MAX_VALUE, 10))
        .extracting(StoredMessage::messageId)
        .containsExactly("s-1", "s-2");
    assertThat(store.conversation("conv-s").orElseThrow().messageCount()).isEqualTo(2);
    assertThat(store.conversation("conv-none")).isEmpty();
  }

  private List<String> ids(MessageSearch search) {
    return store.search(search, Long.MAX_VALUE, 50).stream().map(StoredMessage::messageId).toList();
  }
}
