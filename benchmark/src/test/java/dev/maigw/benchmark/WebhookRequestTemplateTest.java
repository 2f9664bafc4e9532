package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookRequestTemplateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RequestIds IDS = new RequestIds("bench-test-");
  private static final WebhookRequestTemplate TEMPLATE =
      new WebhookRequestTemplate(
          LoopbackTarget.parse("http://127.0.0.1:8080/maiagent/webhook"), IDS);

  @Test
  void writesPostWithContentLengthOfTheBodyInBytes() {
    byte[] request = filled(42, 1747723272345L);
    String head = new String(request, 0, TEMPLATE.bodyOffset(), StandardCharsets.US_ASCII);
    int bodyBytes = request.length - TEMPLATE.bodyOffset();

    assertThat(head)
        .startsWith("POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
        .contains("Content-Type: application/json\r\n")
        .contains("Content-Length: " + bodyBytes + "\r\n")
        .endsWith("\r\n\r\n");
  }

  @Test
  void bodyIsARealisticReplyOfAboutOneAndAHalfKilobytes() {
    JsonNode body = body(filled(RequestIds.number(3, 7, 42), 1747723272345L));
    int bodyBytes = filled(0, 0).length - TEMPLATE.bodyOffset();

    assertThat(bodyBytes).isBetween(1_400, 1_650);
    assertThat(body.get("id").stringValue()).isEqualTo("bench-test-0300700000042");
    assertThat(body.get("conversation").stringValue()).hasSize(36);
    assertThat(body.get("sender").get("id").isNumber()).isTrue();
    assertThat(body.get("type").stringValue()).isEqualTo("outgoing");
    assertThat(body.get("content").stringValue()).contains("退貨").contains("\n");
    assertThat(body.get("createdAt").stringValue()).isEqualTo("1747723272345");
    assertThat(body.get("feedback").isNull()).isTrue();
    assertThat(body.get("attachments").isArray()).isTrue();
    assertThat(body.get("citations").get(0).get("filename").stringValue()).endsWith(".pdf");
  }

  @Test
  void givesEveryNumberItsOwnIdAndSpreadsConversations() {
    Set<String> ids = new HashSet<>();
    Set<String> conversations = new HashSet<>();
    byte[] request = TEMPLATE.newRequest();
    for (long seq = 0; seq < 1_000; seq++) {
      TEMPLATE.fill(request, RequestIds.number(0, 1, seq), 1747723272345L);
      JsonNode body = body(request);
      ids.add(body.get("id").stringValue());
      conversations.add(body.get("conversation").stringValue());
    }

    assertThat(ids).hasSize(1_000);
    assertThat(conversations).hasSizeGreaterThan(150);
    assertThat(conversations)
        .hasSizeLessThanOrEqualTo(WebhookRequestTemplate.CONVERSATION_POOL_SIZE);
  }

  @Test
  void newRequestIsAnIndependentCopy() {
    byte[] first = TEMPLATE.newRequest();
    byte[] second = TEMPLATE.newRequest();
    TEMPLATE.fill(first, 1, 1);

    assertThat(Arrays.equals(first, second)).isFalse();
    assertThat(first).hasSameSizeAs(second);
  }

  private static byte[] filled(long number, long createdAtMillis) {
    byte[] request = TEMPLATE.newRequest();
    TEMPLATE.fill(request, number, createdAtMillis);
    return request;
  }

  private static JsonNode body(byte[] request) {
    return JSON.readTree(Arrays.copyOfRange(request, TEMPLATE.bodyOffset(), request.length));
  }
}
