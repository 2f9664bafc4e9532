package dev.maigw.gateway.intake;

import dev.maigw.gateway.message.InsertOutcome;
import dev.maigw.gateway.message.MessageSource;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.NewMessage;
import dev.maigw.sdk.webhook.MaiAgentWebhookReader;
import dev.maigw.sdk.webhook.WebhookFormatException;
import dev.maigw.sdk.webhook.WebhookMessage;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The webhook intake for replies read back from MaiAgent's message list: the same reader, size
 * limit, normalisation and insert as a webhook (so the same dedupe by message id, deliveries,
 * bridge matching and stream), stored with source {@code reconciled}. A body that cannot be read is
 * refused and not quarantined: MaiAgent still lists it, so nothing is lost by leaving it there.
 */
@Component
public class ReconciledIntake {

  private final MaiAgentWebhookReader reader = new MaiAgentWebhookReader();
  private final MessageStore messages;
  private final int maxBodyBytes;
  private final Clock clock;

  ReconciledIntake(MessageStore messages, WebhookProperties properties, Clock clock) {
    this.messages = messages;
    this.maxBodyBytes = properties.maxBodyBytes();
    this.clock = clock;
  }

  /** A listed message the webhook reader accepts, with its exact bytes. */
  public record Readable(WebhookMessage message, byte[] body) {}

  /** Why a listed message cannot be stored: the webhook endpoint's problem code and detail. */
  public static final class Refusal extends RuntimeException {
    private final String code;

    Refusal(String code, String detail) {
      super(detail);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * Reads a listed message as the webhook endpoint reads a body.
   *
   * @throws Refusal when the webhook endpoint would refuse it (too large, unreadable)
   */
  public Readable read(byte[] body) {
    if (body.length > maxBodyBytes) {
      throw new Refusal("body_too_large", "The message is over " + maxBodyBytes + " bytes.");
    }
    try {
      return new Readable(reader.read(body), body);
    } catch (WebhookFormatException e) {
      throw new Refusal(e.problem().code(), e.detail());
    }
  }

  /**
   * Starts storing {@code readable} with source {@code reconciled}; completes after the commit
   * (failures as {@link dev.maigw.gateway.storage.GroupCommitWriter#unwrap} describes).
   */
  public CompletableFuture<InsertOutcome> store(Readable readable) {
    byte[] body = readable.body();
    return messages.insertAsync(
        NewMessage.of(
            readable.message(),
            body,
            WebhookIntake.sha256(body),
            clock.instant(),
            MessageSource.RECONCILED));
  }
}
