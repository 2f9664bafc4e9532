package dev.maigw.gateway.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.support.RunningGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the quarantine must do, whatever the database: keep bodies byte for byte, one row per
 * distinct body, within its caps. Subclasses only say which database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuarantineStoreContract {

  /** Small caps, so that reaching them takes a few bodies. */
  static final Map<String, String> CAPS =
      Map.of("maigw.quarantine.max-rows", "3", "maigw.quarantine.max-bytes", "1000");

  private static final Instant T0 = Instant.parse("2026-05-20T06:41:12.345Z");

  RunningGateway gateway;
  QuarantineStore store;

  /** Starts a gateway on the database under test, with {@link #CAPS}. */
  abstract RunningGateway startGateway();

  @BeforeAll
  void start() {
    gateway = startGateway();
    store = gateway.bean(QuarantineStore.class);
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  /** The caps count every row, so each test starts from an empty quarantine. */
  @BeforeEach
  void empty() {
    gateway
        .bean(GroupCommitWriter.class)
        .write(session -> session.jdbc().sql("DELETE FROM quarantine").update());
  }

  @Test
  void keepsTheBodyByteForByteWithWhyItWasUnreadable() {
    byte[] body = {'{', '"', 0, (byte) 0xff, (byte) 0xc3, '\n', '['};

    long id = keep(body, "malformed_json", "Unexpected end of input.", T0);

    QuarantinedBody kept = store.find(id).orElseThrow();
    assertThat(kept.body()).isEqualTo(body);
    assertThat(kept.bodySha256()).isEqualTo(sha256(body));
    assertThat(kept.bodyBytes()).isEqualTo(body.length);
    assertThat(kept.problemCode()).isEqualTo("malformed_json");
    assertThat(kept.detail()).isEqualTo("Unexpected end of input.");
    assertThat(kept.contentType()).isEqualTo("application/json");
    assertThat(kept.firstSeenAt()).isEqualTo(T0);
    assertThat(kept.lastSeenAt()).isEqualTo(T0);
    assertThat(kept.seenCount()).isEqualTo(1);
  }

  @Test
  void makesTheDetailStorableInBothDatabases() {
    long id = keep(text("{\"id\":"), "malformed_json", "bad \u0000 byte \ud800", T0);

    assertThat(store.find(id).orElseThrow().detail()).isEqualTo("bad \uFFFD byte \uFFFD");
  }

  @Test
  void keepsTheSameBodyOnceAndCountsItsSightings() {
    byte[] body = text("[1,2,");
    long first = keep(body, "malformed_json", "first", T0);

    long again = keep(body, "invalid_body", "second", T0.plus(Duration.ofMinutes(5)));

    assertThat(again).isEqualTo(first);
    assertThat(store.count()).isEqualTo(1);
    QuarantinedBody kept = store.find(first).orElseThrow();
    assertThat(kept.seenCount()).isEqualTo(2);
    assertThat(kept.firstSeenAt()).isEqualTo(T0);
    assertThat(kept.lastSeenAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(kept.problemCode()).isEqualTo("malformed_json");
    assertThat(kept.detail()).isEqualTo("first");
  }

  @Test
  void refusesANewBodyPastTheRowCapButStillCountsKnownOnes() {
    long first = keep(text("{1"), "malformed_json", "d", T0);
    keep(text("{2"), "malformed_json", "d", T0);
    keep(text("{3"), "malformed_json", "d", T0);

    assertThatThrownBy(() -> keep(text("{4"), "malformed_json", "d", T0))
        .isInstanceOf(QuarantineFullException.class)
        .hasMessage("The quarantine is full (3 bodies, 6 bytes); body not kept.");
    assertThat(keep(text("{1"), "malformed_json", "d", T0)).isEqualTo(first);
    assertThat(store.count()).isEqualTo(3);
    assertThat(store.find(first).orElseThrow().seenCount()).isEqualTo(2);
  }

  @Test
  void refusesANewBodyThatWouldPassTheByteCap() {
    keep(text("[" + "x".repeat(599)), "malformed_json", "d", T0);

    assertThatThrownBy(() -> keep(text("{" + "y".repeat(400)), "malformed_json", "d", T0))
        .isInstanceOf(QuarantineFullException.class)
        .hasMessage("The quarantine is full (1 bodies, 600 bytes); body not kept.");
    assertThat(store.count()).isEqualTo(1);
    assertThat(keep(text("{" + "y".repeat(399)), "malformed_json", "d", T0)).isPositive();
  }

  @Test
  void listsNewestFirstPageByPageAndFindsById() {
    long first = keep(text("{a"), "malformed_json", "d", T0);
    long second = keep(text("{b"), "malformed_json", "d", T0);
    long third = keep(text("{c"), "malformed_json", "d", T0);

    List<QuarantinedBody> page = store.list(Long.MAX_VALUE, 2);
    List<QuarantinedBody> next = store.list(page.get(1).id(), 2);

    assertThat(page).extracting(QuarantinedBody::id).containsExactly(third, second);
    assertThat(next).extracting(QuarantinedBody::id).containsExactly(first);
    assertThat(store.find(second).orElseThrow().body()).isEqualTo(text("{b"));
    assertThat(store.find(third + 1000)).isEmpty();
  }

  @Test
  void filtersByReasonAndDeletesWhatTheFilterMatches() {
    long first = keep(text("{a"), "malformed_json", "d", T0);
    long second = keep(text("[1]"), "not_an_object", "d", T0);
    long third = keep(text("{b"), "malformed_json", "d", T0);

    assertThat(store.list(Long.MAX_VALUE, "malformed_json", 10))
        .extracting(QuarantinedBody::id)
        .containsExactly(third, first);
    assertThat(store.ids(0, Long.MAX_VALUE, "not_an_object", 10)).containsExactly(second);
    assertThat(store.ids(first, third, null, 10)).containsExactly(second, third);

    assertThat(store.deleteMatching("malformed_json", third)).isEqualTo(1);
    assertThat(store.deleteMatching(null, Long.MAX_VALUE)).isEqualTo(2);
    assertThat(store.count()).isZero();
    assertThat(store.fill().ratio()).isZero();
  }

  private long keep(byte[] body, String code, String detail, Instant at) {
    return store.keep(body, sha256(body), code, detail, "application/json", at);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
