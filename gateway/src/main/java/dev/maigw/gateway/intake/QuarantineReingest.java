package dev.maigw.gateway.intake;

import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.quarantine.QuarantinedBody;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.stereotype.Component;

/**
 * Runs a quarantined body through the webhook intake again, for when the reason it was refused has
 * been fixed (a newer gateway reads it): once it is stored, its quarantine row is removed. A body
 * that is still unreadable stays where it is (counted as seen once more) and the caller is told
 * why.
 */
@Component
public class QuarantineReingest {

  private final QuarantineStore quarantine;
  private final WebhookIntake intake;

  QuarantineReingest(QuarantineStore quarantine, WebhookIntake intake) {
    this.quarantine = quarantine;
    this.intake = intake;
  }

  /**
   * What re-ingesting did.
   *
   * @param outcome {@code stored}, {@code duplicate} or {@code conflict} (as the webhook's {@code
   *     X-Maigw-Outcome})
   */
  public record Reingested(
      long quarantineId, String outcome, String messageId, String conversationId) {}

  /**
   * Re-ingests quarantined body {@code id}.
   *
   * @throws GatewayException 404 when there is no such body; 400/422 with the reader's code when it
   *     is still unreadable; 503 when the store cannot commit
   */
  public Reingested reingest(long id) {
    QuarantinedBody body =
        quarantine
            .find(id)
            .orElseThrow(
                () -> new GatewayException(Problem.NOT_FOUND, "No quarantined body with this id."));
    IntakeResult result = await(intake.accept(body.body(), body.contentType()));
    if ("quarantined".equals(result.outcome())) {
      // The acknowledge policy answers an unreadable body with success; it is still unreadable.
      throw new GatewayException(
          Problem.INVALID_BODY, "The body is still unreadable; it stays in quarantine.");
    }
    quarantine.delete(id);
    return new Reingested(id, result.outcome(), result.messageId(), result.conversationId());
  }

  /** Removes quarantined body {@code id}; false when there was none. */
  public boolean delete(long id) {
    return quarantine.delete(id);
  }

  private static IntakeResult await(CompletableFuture<IntakeResult> commit) {
    try {
      return commit.get();
    } catch (ExecutionException e) {
      throw GroupCommitWriter.unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }
}
