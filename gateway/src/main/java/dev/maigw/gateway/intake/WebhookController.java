package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.sdk.webhook.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /maiagent/webhook} (and {@code /maiagent/webhook/{token}}): answers exactly 200 with
 * {@code {"message":"Webhook 接收成功"}} once the reply is committed, or a problem response that makes
 * MaiAgent retry. Checks run cheapest first and before the body is read: declared length,
 * authentication, media type; then the bounded read, parse and commit.
 */
@RestController
class WebhookController {

  /** One line per webhook: ids, size, outcome, latency; never the body, path or token. */
  private static final Logger webhookLog = LoggerFactory.getLogger("maigw.webhook");

  static final String OUTCOME_HEADER = "X-Maigw-Outcome";

  private final WebhookAuthenticator authenticator;
  private final WebhookIntake intake;
  private final IntakeMetrics metrics;
  private final WebhookProperties properties;
  private final JsonMapper json;
  private final byte[] successBody;

  WebhookController(
      WebhookAuthenticator authenticator,
      WebhookIntake intake,
      IntakeMetrics metrics,
      WebhookProperties properties,
      JsonMapper json) {
    this.authenticator = authenticator;
    this.intake = intake;
    this.metrics = metrics;
    this.properties = properties;
    this.json = json;
    this.successBody = json.writeValueAsBytes(Map.of("message", properties.successMessage()));
  }

  @PostMapping("${maigw.webhook.path:/maiagent/webhook}")
  ResponseEntity<byte[]> receive(HttpServletRequest request) {
    return handle(null, request);
  }

  @PostMapping("${maigw.webhook.path:/maiagent/webhook}/{token}")
  ResponseEntity<byte[]> receiveWithToken(@PathVariable String token, HttpServletRequest request) {
    return handle(token, request);
  }

  private ResponseEntity<byte[]> handle(String pathToken, HttpServletRequest request) {
    long start = System.nanoTime();
    String outcome = "rejected";
    IntakeResult result = null;
    int bodyBytes = -1;
    try {
      long declaredLength = request.getContentLengthLong();
      if (declaredLength > properties.maxBodyBytes()) {
        throw BoundedBodyReader.tooLarge(properties.maxBodyBytes());
      }
      authenticator.authenticate(
          pathToken, request.getHeader(properties.tokenHeader()), request.getRemoteAddr());
      ContentTypePolicy.check(
          request.getContentType(),
          request.getHeader("Content-Encoding"),
          properties.strictContentType());
      byte[] body =
          BoundedBodyReader.read(
              request.getInputStream(), declaredLength, properties.maxBodyBytes());
      bodyBytes = body.length;
      result = intake.accept(body, request.getContentType());
      outcome = result.outcome();
      return answer(result);
    } catch (MalformedWebhookException e) {
      outcome = "quarantined";
      throw e;
    } catch (GatewayException e) {
      outcome = e.problem().status() == HttpStatus.SERVICE_UNAVAILABLE ? "unavailable" : "rejected";
      throw e;
    } catch (IOException | UncheckedIOException e) {
      outcome = "aborted";
      throw new UncheckedIOException("Client went away", asIo(e));
    } finally {
      long elapsed = System.nanoTime() - start;
      metrics.record(outcome, elapsed);
      logLine(result, bodyBytes, outcome, elapsed);
    }
  }

  private ResponseEntity<byte[]> answer(IntakeResult result) {
    byte[] body = successBody;
    if (result.quarantineId() != null) {
      Map<String, Object> quarantined = new LinkedHashMap<>();
      quarantined.put("message", properties.successMessage());
      quarantined.put("status", "quarantined");
      quarantined.put("quarantineId", result.quarantineId());
      body = json.writeValueAsBytes(quarantined);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(OUTCOME_HEADER, result.outcome())
        .body(body);
  }

  private static void logLine(IntakeResult result, int bodyBytes, String outcome, long nanos) {
    if (!webhookLog.isInfoEnabled()) {
      return;
    }
    webhookLog.info(
        "webhook id={} conversation={} bytes={} outcome={} latencyMs={}",
        result == null ? "-" : LogSafe.escapeForLog(result.messageId(), 80),
        result == null ? "-" : LogSafe.escapeForLog(result.conversationId(), 80),
        bodyBytes,
        outcome,
        String.format("%.2f", nanos / 1_000_000.0));
  }

  private static IOException asIo(Exception e) {
    return e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
  }
}
