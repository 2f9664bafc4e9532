package dev.maigw.gateway.intake;

import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.quarantine.QuarantinedBody;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** Ids read per page by a bulk re-ingest; bodies are read one at a time. */
  private static final int PAGE = 100;

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

  /**
   * What a bulk re-ingest did.
   *
   * @param ingested bodies stored now (or found already stored) and removed from quarantine
   * @param stillRefused bodies still unreadable, left in quarantine
   * @param outcomes the ingested ones by outcome ({@code stored}, {@code duplicate}, {@code
   *     conflict})
   */
  public record BulkReingested(int ingested, int stillRefused, Map<String, Integer> outcomes) {}

  /**
   * Re-ingests, oldest first, every body refused with code {@code reason} (every body when null)
   * that is in quarantine now; bodies quarantined meanwhile wait for the next call. Stops at the
   * first store failure (what was ingested stays ingested; calling again carries on).
   *
   * @throws dev.maigw.gateway.system.StoreUnavailableException when the store cannot commit
   */
  public BulkReingested reingestAll(String reason) {
    long upTo = quarantine.lastId();
    Map<String, Integer> outcomes = new TreeMap<>();
    int refused = 0;
    long after = 0;
    List<Long> page;
    while (!(page = quarantine.ids(after, upTo, reason, PAGE)).isEmpty()) {
      for (long id : page) {
        try {
          outcomes.merge(reingest(id).outcome(), 1, Integer::sum);
        } catch (GatewayException e) {
          if (!e.status().is4xxClientError()) {
            throw e;
          }
          // 404: deleted meanwhile; 400/422: still unreadable and kept.
          refused += e.problem() == Problem.NOT_FOUND ? 0 : 1;
        }
      }
      after = page.get(page.size() - 1);
    }
    int ingested = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    return new BulkReingested(ingested, refused, outcomes);
  }

  /** Removes quarantined body {@code id}; false when there was none. */
  public boolean delete(long id) {
    return quarantine.delete(id);
  }

  /** Removes the bodies refused with {@code reason} (any when null) below id {@code beforeId}. */
  public int deleteMatching(String reason, long beforeId) {
    return quarantine.deleteMatching(reason, beforeId);
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
