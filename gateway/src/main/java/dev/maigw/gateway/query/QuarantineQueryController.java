package dev.maigw.gateway.query;

import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.quarantine.QuarantinedBody;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Page;
import dev.maigw.gateway.system.PageRequest;
import dev.maigw.gateway.system.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bodies kept in quarantine, newest first. */
@RestController
class QuarantineQueryController {

  static final int PREVIEW_CHARS = 512;

  private final QuarantineStore quarantine;

  QuarantineQueryController(QuarantineStore quarantine) {
    this.quarantine = quarantine;
  }

  /** {@code ?reason=} (a problem code) narrows the list; {@code before} is the page cursor. */
  @GetMapping("/api/quarantine")
  Page<QuarantineView> list(
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) Integer limit) {
    int size = PageRequest.limit(limit);
    String code = reason == null || reason.isBlank() ? null : reason;
    List<QuarantinedBody> page =
        quarantine.list(PageRequest.cursor(before, Long.MAX_VALUE), code, size);
    String next = page.size() < size ? null : Long.toString(page.get(page.size() - 1).id());
    return new Page<>(page.stream().map(QuarantineView::of).toList(), next);
  }

  @GetMapping("/api/quarantine/{id}")
  QuarantineView one(@PathVariable long id) {
    return QuarantineView.of(find(id));
  }

  /** The body byte for byte as received. */
  @GetMapping("/api/quarantine/{id}/raw")
  ResponseEntity<byte[]> raw(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(find(id).body());
  }

  private QuarantinedBody find(long id) {
    return quarantine
        .find(id)
        .orElseThrow(
            () -> new GatewayException(Problem.NOT_FOUND, "No quarantined body with this id."));
  }

  /**
   * A quarantined body: why it was refused, a text preview (undecodable bytes shown as U+FFFD) and
   * the exact bytes in base64.
   */
  record QuarantineView(
      long id,
      String code,
      String detail,
      String contentType,
      int bodyBytes,
      String bodySha256,
      Instant firstSeenAt,
      Instant lastSeenAt,
      int seenCount,
      String preview,
      String bodyBase64) {

    static QuarantineView of(QuarantinedBody q) {
      String text = new String(q.body(), StandardCharsets.UTF_8);
      String preview =
          text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "…";
      return new QuarantineView(
          q.id(),
          q.problemCode(),
          q.detail(),
          q.contentType(),
          q.bodyBytes(),
          HexFormat.of().formatHex(q.bodySha256()),
          q.firstSeenAt(),
          q.lastSeenAt(),
          q.seenCount(),
          preview,
          Base64.getEncoder().encodeToString(q.body()));
    }
  }
}
