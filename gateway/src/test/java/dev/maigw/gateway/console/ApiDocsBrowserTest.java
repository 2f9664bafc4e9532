package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI at {@code /api-docs.html}, in a real chromium: it renders the gateway's own document,
 * shows the request body schemas, and "Try it out" calls the API with the key given to "Authorize".
 */
class ApiDocsBrowserTest {

  private static RunningGateway gateway;
  private static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
    browser = new ConsoleBrowser(gateway);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    gateway.close();
  }

  @Test
  void rendersEveryRouteAndCallsTheApiWithTheAuthorizedKey() {
    browser.open("/api-docs.html");
    browser.waitFor(() -> browser.all(".opblock").size() > 20);
    assertThat(browser.text(".info .title")).contains("MaiAgent Gateway API");
    assertThat(browser.all(".opblock-summary-path"))
        .extracting(e -> e.getAttribute("data-path"))
        .contains("/api/targets", "/api/messages", "/api/conversations/{id}/messages");

    browser.find(".btn.authorize").click();
    browser.waitFor(() -> !browser.all(".auth-container input").isEmpty());
    browser.find(".auth-container input").sendKeys(RunningGateway.API_KEY);
    browser.find(".auth-btn-wrapper .btn.modal-btn.auth.authorize").click();
    browser.find(".btn-done").click();

    String listTargets = ".opblock-get:has(.opblock-summary-path[data-path='/api/targets'])";
    browser.find(listTargets + " .opblock-summary-control").click();
    browser.waitFor(() -> !browser.all(listTargets + " .try-out__btn").isEmpty());
    browser.find(listTargets + " .try-out__btn").click();
    browser.find(listTargets + " .execute").click();
    browser.waitFor(
        () ->
            !browser
                .all(listTargets + " .live-responses-table tbody .response-col_status")
                .isEmpty());

    assertThat(browser.text(listTargets + " .live-responses-table tbody .response-col_status"))
        .startsWith("200");
    assertThat(browser.text(listTargets + " .live-responses-table .microlight")).contains("items");
    assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
  }
}
