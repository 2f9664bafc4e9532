package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markdown in replies becomes HTML that can hold no markup or link the reply's author chose. */
class MarkdownTest {

  private final Markdown markdown = new Markdown();

  @Test
  void rendersFormattingAndSafeLinks() {
    String html = markdown.toSafeHtml("**粗體** [政策](https://www.example.com/returns) `code`");

    assertThat(html)
        .contains("<strong>粗體</strong>", "<code>code</code>")
        .contains(
            "href=\"https://www.example.com/returns\"", "rel=\"nofollow noopener noreferrer\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>"
      })
  void escapesRawHtml(String content) {
    String html = markdown.toSafeHtml(content);

    assertThat(html).doesNotContain("<script", "<img", "<a ", "<svg").contains("&lt;");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox(1))",
        "<javascript:alert(1)>"
      })
  void dropsLinkTargetsThatAreNotWebOrMail(String content) {
    String html = markdown.toSafeHtml(content);

    assertThat(html).doesNotContainPattern("(?i)href=\"\\s*(javascript|data|vbscript|&#)");
  }

  @Test
  void showsImagesAsLinksInsteadOfLoadingThem() {
    String html = markdown.toSafeHtml("![追蹤](https://tracker.example/p.png) ![x](javascript:1)");

    assertThat(html)
        .doesNotContain("<img")
        .contains("href=\"https://tracker.example/p.png\"")
        .contains("image: 追蹤")
        .doesNotContainPattern("href=\"javascript");
  }
}
