package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every stored field is untrusted: each payload of {@code xss-vectors.txt} is posted as a webhook
 * in the content, the sender's name, id and avatar, citation and attachment names and URLs, the
 * conversation id and the message id (and as quarantined bodies and a target's name), then every
 * console screen that shows them is opened in a real browser. No payload may run (no dialog, no
 * {@code window.__xss}, no request to the listener), none may even reach the page as markup (the
 * browser reports no Content-Security-Policy violation), and every console response carries the CSP
 * header.
 */
class ConsoleXssTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static RunningGateway gateway;
  private static ScriptedReceiver listener;
  private static ConsoleBrowser browser;
  private static List<String> vectors;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
    listener = new ScriptedReceiver();
    vectors = vectors(listener.url(""));
    browser = new ConsoleBrowser(gateway);
    browser.signIn();
  }

  @AfterAll
  static void stop() {
    browser.close();
    listener.close();
    gateway.close();
  }

  @Test
  void noStoredPayloadRunsOnAnyScreen() {
    assertThat(vectors).hasSizeGreaterThanOrEqualTo(30);
    for (int i = 0; i < vectors.size(); i++) {
      HttpResponse<String> stored = gateway.postWebhook(webhook(i, vectors.get(i), "xss"));
      assertThat(stored.statusCode()).as(vectors.get(i) + ": " + stored.body()).isEqualTo(200);
      gateway.postWebhook(
          ("{\"id\":\"q-" + i + "\",\"content\":\"" + vectors.get(i))
              .getBytes(StandardCharsets.UTF_8));
    }
    gateway.postApi(
        "/api/targets",
        "{\"name\":"
            + JSON.writeValueAsString(vectors.get(0))
            + ",\"url\":\"https://example.com/hook?x=%22%3E%3Cscript%3E\","
            + "\"messageTypes\":[\"never-sent\"]}");

    Set<String> pages = new LinkedHashSet<>();
    pages.addAll(
        List.of(
            "/console/",
            "/console/messages",
            "/console/conversations",
            "/console/targets",
            "/console/deliveries",
            "/console/deliveries/replay",
            "/console/quarantine"));
    pages.addAll(links("/console/messages", "a.message-link"));
    pages.addAll(links("/console/conversations", "a.conversation-link"));
    pages.addAll(links("/console/quarantine", "a.quarantine-link"));
    assertThat(pages).hasSizeGreaterThan(2 * vectors.size());

    for (String page : pages) {
      browser.driver.get(page.startsWith("http") ? page : gateway.url(page));
      assertInert(page);
    }
    assertLiveTailInert();
    assertThat(listener.received()).as("requests made by payloads").isEmpty();
    assertEveryResponseHasTheCsp(pages);
  }

  private void assertLiveTailInert() {
    browser.open("/console/live");
    browser.waitFor(() -> browser.text("#live-state").equals("live"));
    for (int i = 0; i < vectors.size(); i++) {
      gateway.postWebhook(webhook(i, vectors.get(i), "live"));
    }
    browser.waitFor(() -> browser.all(".live-item").size() == vectors.size());
    assertInert("/console/live");
    List<String> shown = browser.all(".live-content").stream().map(WebElement::getText).toList();
    assertThat(shown)
        .as("payloads shown as text")
        .anyMatch(t -> t.contains("<script>alert(1)</script>"));
  }

  private void assertInert(String page) {
    assertThat(browser.dialogOpen()).as("a dialog opened on " + page).isFalse();
    assertThat(browser.driver.executeScript("return typeof window.__xss"))
        .as(page)
        .isEqualTo("undefined");
    assertThat(browser.consoleMessages())
        .as("markup from stored data reached " + page)
        .noneMatch(
            m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
  }

  private void assertEveryResponseHasTheCsp(Set<String> pages) {
    ConsoleHttp http = new ConsoleHttp(gateway);
    String cookie = http.signIn();
    for (String page : pages) {
      String path = page.startsWith("http") ? page.substring(gateway.url("").length()) : page;
      HttpResponse<String> answer = http.get(path, cookie);
      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(ConsoleFilter.CONTENT_SECURITY_POLICY);
      assertThat(answer.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
    }
  }

  private static List<String> links(String page, String css) {
    browser.open(page);
    return browser.all(css).stream().map(a -> a.getDomProperty("href")).toList();
  }

  /** A valid reply carrying {@code vector} in every field the console shows. */
  private static byte[] webhook(int index, String vector, String prefix) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", prefix + "-" + index + "-" + vector);
    body.put("conversation", prefix + "-conv-" + index + "-" + vector);
    ObjectNode sender = body.putObject("sender");
    sender.put("id", vector);
    sender.put("name", vector);
    sender.put("avatar", index % 2 == 0 ? vector : listener.url("/avatar-" + index + ".png"));
    body.put("type", "outgoing");
    body.put("content", "**Vector " + index + "**: " + vector + "\n\n" + vector);
    body.put("createdAt", "1747723272345");
    ObjectNode citation = body.putArray("citations").addObject();
    citation.put("id", "cite-" + index);
    citation.put("filename", vector);
    citation.put("file", vector);
    ObjectNode attachment = body.putArray("attachments").addObject();
    attachment.put("id", "att-" + index);
    attachment.put("type", vector);
    attachment.put("filename", vector);
    attachment.put("file", index % 2 == 0 ? vector : listener.url("/attachment-" + index));
    return JSON.writeValueAsBytes(body);
  }

  private static List<String> vectors(String hit) {
    try (InputStream in = ConsoleXssTest.class.getResourceAsStream("/console/xss-vectors.txt")) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.replace("HIT", hit));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
