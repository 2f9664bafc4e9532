package dev.maigw.gateway.bench;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /bench/noop}: reads the body, stores nothing, answers like the webhook does. */
@RestController
@ConditionalOnBooleanProperty("maigw.bench.noop-endpoint")
class NoopWebhookController {

  private static final byte[] OK =
      "{\"message\":\"Webhook 接收成功\"}".getBytes(StandardCharsets.UTF_8);

  @PostMapping("/bench/noop")
  ResponseEntity<byte[]> receive(HttpServletRequest request) throws IOException {
    request.getInputStream().readAllBytes();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OK);
  }
}
