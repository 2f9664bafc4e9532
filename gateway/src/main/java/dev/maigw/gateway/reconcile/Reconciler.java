package dev.maigw.gateway.reconcile;

import dev.maigw.gateway.bridge.MaiAgentCallException;
import dev.maigw.gateway.intake.ReconciledIntake;
import dev.maigw.gateway.intake.ReconciledIntake.Readable;
import dev.maigw.gateway.intake.ReconciledIntake.Refusal;
import dev.maigw.gateway.message.InsertOutcome;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.reconcile.ReconcileReport.Refused;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.sdk.client.MaiAgentApiException;
import dev.maigw.sdk.client.MaiAgentClient;
import dev.maigw.sdk.client.MessagePage;
import dev.maigw.sdk.client.MessageReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lists one conversation's messages at MaiAgent, newest first, page by page until the page that
 * reaches back past {@code since}, and stores each assistant reply the gateway lacks through the
 * webhook intake's path. Known ids are skipped by a read first, so a repeat reconciliation does not
 * count as webhook duplicates; the insert's unique key still decides, so a webhook arriving at the
 * same moment is stored once.
 */
@Component
class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final String ASSISTANT_REPLY = "outgoing";

  private final ReconciledIntake intake;
  private final MessageStore messages;
  private final int maxMessages;

  Reconciler(ReconciledIntake intake, MessageStore messages, ReconcileProperties properties) {
    this.intake = intake;
    this.messages = messages;
    this.maxMessages = properties.maxMessages();
  }

  /** The counts so far; filled page by page. */
  static final class Tally {
    int listed;
    int alreadyPresent;
    int stored;
    int skipped;
    boolean truncated;
    final List<Refused> refused = new ArrayList<>();
  }

  /**
   * Lists and stores; returns after every stored reply has committed.
   *
   * @throws MaiAgentCallException when MaiAgent refuses or cannot be reached (what was stored
   *     before stays stored; a repeat is safe)
   */
  Tally reconcile(MaiAgentClient client, String conversation, Instant since) {
    Tally tally = new Tally();
    String cursor = null;
    boolean done = false;
    while (!done) {
      MessagePage page = list(client, conversation, cursor);
      boolean reachedSince = storeMissing(window(page, since, tally), tally);
      cursor = page.next();
      done = cursor == null || reachedSince || tally.truncated;
    }
    log.info(
        "Reconciled conversation={} listed={} stored={} alreadyPresent={} refused={}",
        conversation,
        tally.listed,
        tally.stored,
        tally.alreadyPresent,
        tally.refused.size());
    return tally;
  }

  /** A listed message: its id as the list gave it, and its exact bytes. */
  private record Listed(String id, byte[] body) {}

  /** The page's messages; {@code reachedSince} when it also holds one created before since. */
  private record Window(List<Listed> messages, boolean reachedSince) {}

  private Window window(MessagePage page, Instant since, Tally tally) {
    List<Listed> window = new ArrayList<>();
    boolean reachedSince = false;
    for (int i = 0; i < page.results().size(); i++) {
      MessageReceipt listed = page.results().get(i);
      if (since != null && listed.createdAt() != null && listed.createdAt().isBefore(since)) {
        // Newest first: every later page is older still.
        reachedSince = true;
      } else if (tally.listed == maxMessages) {
        tally.truncated = true;
      } else {
        tally.listed++;
        window.add(new Listed(listed.id(), page.resultBytes().get(i)));
      }
    }
    return new Window(window, reachedSince);
  }

  private static MessagePage list(MaiAgentClient client, String conversation, String cursor) {
    try {
      return client.listMessages(conversation, cursor);
    } catch (MaiAgentApiException e) {
      throw MaiAgentCallException.of(e);
    }
  }

  /** Stores the window's missing replies; returns whether the listing reached {@code since}. */
  private boolean storeMissing(Window window, Tally tally) {
    List<Readable> replies = assistantReplies(window, tally);
    Set<String> known = messages.storedIds(replies.stream().map(r -> r.message().id()).toList());
    List<CompletableFuture<InsertOutcome>> commits = new ArrayList<>();
    for (Readable reply : replies) {
      if (known.contains(reply.message().id())) {
        tally.alreadyPresent++;
      } else {
        commits.add(intake.store(reply));
      }
    }
    // Submitted together, the inserts share the writer's group commits.
    for (CompletableFuture<InsertOutcome> commit : commits) {
      if (await(commit) == InsertOutcome.STORED) {
        tally.stored++;
      } else {
        tally.alreadyPresent++;
      }
    }
    return window.reachedSince();
  }

  /** The window's assistant replies as the webhook reader reads them; counts the rest. */
  private List<Readable> assistantReplies(Window window, Tally tally) {
    List<Readable> replies = new ArrayList<>();
    for (Listed listed : window.messages()) {
      try {
        Readable readable = intake.read(listed.body());
        if (isAssistantReply(readable)) {
          replies.add(readable);
        } else {
          tally.skipped++;
        }
      } catch (Refusal e) {
        tally.refused.add(new Refused(listed.id(), e.code(), e.getMessage()));
      }
    }
    return replies;
  }

  private static boolean isAssistantReply(Readable readable) {
    String type = readable.message().type();
    return type != null && type.toLowerCase(Locale.ROOT).equals(ASSISTANT_REPLY);
  }

  private static InsertOutcome await(CompletableFuture<InsertOutcome> commit) {
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
