package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/quarantine/{id}} and {@code POST /api/quarantine/{id}/reingest}: drop a
 * quarantined body, or run it through the intake again after a fix; {@code DELETE
 * /api/quarantine?reason=&before=} and {@code POST /api/quarantine/reingest?reason=} do the same
 * for every body matching (the read routes are in the query package).
 */
@RestController
class QuarantineController {

  private final QuarantineReingest reingest;

  QuarantineController(QuarantineReingest reingest) {
    this.reingest = reingest;
  }

  /**
   * Empties the quarantine, or removes the bodies the list shows for the same filters: {@code
   * reason} (a problem code, e.g. {@code malformed_json}) and {@code before} (a cursor: ids below
   * it). Answers how many were removed.
   */
  @DeleteMapping("/api/quarantine")
  Map<String, Object> deleteMatching(
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String before) {
    int deleted = reingest.deleteMatching(blankToNull(reason), cursor(before));
    return Map.of("deleted", deleted);
  }

  /**
   * Re-ingests every body refused with {@code reason} (all when absent), oldest first: counts of
   * those ingested (by outcome) and of those still refused, which stay.
   */
  @PostMapping("/api/quarantine/reingest")
  QuarantineReingest.BulkReingested reingestMatching(
      @RequestParam(required = false) String reason) {
    return reingest.reingestAll(blankToNull(reason));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static long cursor(String before) {
    if (before == null || before.isEmpty()) {
      return Long.MAX_VALUE;
    }
    try {
      long value = Long.parseLong(before);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new GatewayException(Problem.INVALID_CURSOR, "before is not a quarantine cursor.");
  }

  @DeleteMapping("/api/quarantine/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    if (!reingest.delete(id)) {
      throw new GatewayException(Problem.NOT_FOUND, "No quarantined body with this id.");
    }
    return ResponseEntity.noContent().build();
  }

  /** Stores the body as if it had just arrived; its quarantine row goes once it is stored. */
  @PostMapping("/api/quarantine/{id}/reingest")
  Map<String, Object> reingest(@PathVariable long id) {
    QuarantineReingest.Reingested done = reingest.reingest(id);
    return Map.of(
        "quarantineId", done.quarantineId(),
        "outcome", done.outcome(),
        "messageId", done.messageId(),
        "conversation", done.conversationId());
  }
}
