package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which stored URLs may become links, and how text is shortened for display. */
class DisplayTest {

  private final Display display = new Display(new Markdown());

  @Test
  void onlyAbsoluteWebUrlsBecomeLinks() {
    assertThat(display.httpUrl("https://files.example.com/a.pdf"))
        .isEqualTo("https://files.example.com/a.pdf");
    assertThat(display.httpUrl("HTTP://files.example.com/a")).isNotNull();
    assertThat(display.httpUrl("javascript:alert(1)")).isNull();
    assertThat(display.httpUrl(" JaVaScRiPt:alert(1)")).isNull();
    assertThat(display.httpUrl("data:text/html,<script>alert(1)</script>")).isNull();
    assertThat(display.httpUrl("//evil.example/x")).isNull();
    assertThat(display.httpUrl("<https://example.com/avatar.jpg>")).isNull();
    assertThat(display.httpUrl(null)).isNull();
  }

  @Test
  void shortensWithoutSplittingASurrogatePair() {
    assertThat(display.shorten("ab😀cd", 3)).isEqualTo("ab…");
    assertThat(display.shorten("abc", 3)).isEqualTo("abc");
  }

  @Test
  void quotesForTheShell() {
    assertThat(Display.shellQuoted("it's")).isEqualTo("'it'\\''s'");
  }
}
