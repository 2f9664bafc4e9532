package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.LogSafe.escapeForLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void leavesPlainTextUnchanged() {
    assertThat(escapeForLog("msg-123 退貨 😀 <b>")).isEqualTo("msg-123 退貨 😀 <b>");
  }

  @Test
  void escapesLineBreaksAndTabs() {
    assertThat(escapeForLog("a\r\nINFO forged\tline")).isEqualTo("a\\r\\nINFO forged\\tline");
  }

  @Test
  void escapesAnsiEscapeSequences() {
    assertThat(escapeForLog("\u001b[31mred\u001b[0m")).isEqualTo("\\u001B[31mred\\u001B[0m");
  }

  @Test
  void escapesBackslashSoEscapesStayUnambiguous() {
    assertThat(escapeForLog("a\\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void escapesNulDeleteAndC1Controls() {
    assertThat(escapeForLog("\u0000\u007f\u0085\u009b")).isEqualTo("\\u0000\\u007F\\u0085\\u009B");
  }

  @Test
  void escapesLineSeparatorsAndBidiControls() {
    assertThat(escapeForLog("a\u2028b\u2029c\u202Ed\u2066e"))
        .isEqualTo("a\\u2028b\\u2029c\\u202Ed\\u2066e");
  }

  @Test
  void escapesLoneSurrogatesButKeepsPairs() {
    assertThat(escapeForLog("\ud800x\udc00😀")).isEqualTo("\\uD800x\\uDC00😀");
  }

  @Test
  void keepsJndiLookupTextVisibleAsIs() {
    assertThat(escapeForLog("${jndi:ldap://x/a}")).isEqualTo("${jndi:ldap://x/a}");
  }

  @Test
  void keepsTextThatFitsExactly() {
    assertThat(escapeForLog("abcd", 4)).isEqualTo("abcd");
  }

  @Test
  void truncatesWithEllipsisWithinMaxLength() {
    assertThat(escapeForLog("abcdef", 4)).isEqualTo("abc…");
  }

  @Test
  void neverCutsAnEscapeInHalf() {
    assertThat(escapeForLog("ab\ncd", 4)).isEqualTo("ab…");
    assertThat(escapeForLog("ab\n", 4)).isEqualTo("ab\\n");
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertThat(escapeForLog("a😀b", 3)).isEqualTo("a…");
  }

  @Test
  void truncatesToTwoHundredCharactersByDefault() {
    String escaped = escapeForLog("x".repeat(10_000));

    assertThat(escaped).hasSize(LogSafe.DEFAULT_MAX_LENGTH).endsWith("x…");
  }

  @Test
  void writesNullAsTheWordNull() {
    assertThat(escapeForLog(null)).isEqualTo("null");
  }

  @Test
  void rejectsMaxLengthBelowOne() {
    assertThatThrownBy(() -> escapeForLog("a", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be at least 1, not 0.");
  }
}
