package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/quarantine/{id}} and {@code POST /api/quarantine/{id}/reingest}: drop a
 * quarantined body, or run it through the intake again after a fix (the read routes are in the
 * query package).
 */
@RestController
class QuarantineController {

  private final QuarantineReingest reingest;

  QuarantineController(QuarantineReingest reingest) {
    this.reingest = reingest;
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
