package dev.maigw.emulator.message;

import dev.maigw.emulator.conversation.ConversationStore;
import dev.maigw.emulator.delivery.DeliveryWorker;
import dev.maigw.emulator.delivery.Outbound;
import dev.maigw.emulator.fault.FaultSwitch;
import dev.maigw.emulator.system.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;

/**
 * Produces the AI assistant's replies: after the reply delay the reply is stored (so {@code GET
 * messages/} shows it) and its webhook body, rendered under the faults current at that moment, is
 * handed to delivery.
 */
public final class ReplyScheduler implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ReplyScheduler.class.getName());

  private final ReplyComposer composer;
  private final MessageStore messages;
  private final ConversationStore conversations;
  private final DeliveryWorker delivery;
  private final FaultSwitch faults;
  private final Duration replyDelay;
  private final AtomicLong generation = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "maiagent-emulator-replies");
            thread.setDaemon(true);
            return thread;
          });

  public ReplyScheduler(
      ReplyComposer composer,
      MessageStore messages,
      ConversationStore conversations,
      DeliveryWorker delivery,
      FaultSwitch faults,
      Duration replyDelay) {
    this.composer = composer;
    this.messages = messages;
    this.conversations = conversations;
    this.delivery = delivery;
    this.faults = faults;
    this.replyDelay = replyDelay;
  }

  /** Schedules the reply to a user's message after the configured reply delay. */
  public void scheduleReplyTo(Message incoming) {
    long scheduledIn = generation.get();
    timer.schedule(
        () -> {
          if (scheduledIn != generation.get()) {
            return;
          }
          try {
            send(composer.replyTo(incoming));
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Reply to message " + incoming.id() + " failed", e);
          }
        },
        replyDelay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Stores and sends an assistant reply with arbitrary content now. */
  public Message pushReply(String conversation, String content) {
    Message reply = composer.outgoing(conversation, content, List.of());
    send(reply);
    return reply;
  }

  /**
   * Sends {@code body} verbatim as a webhook now, without storing a message.
   *
   * @return the delivery ids
   */
  public List<String> pushRaw(JsonNode body) {
    String messageId = Json.text(body, "id");
    String conversation = Json.text(body, "conversation", "conversation_id", "conversationId");
    return delivery.submit(
        new Outbound(
            messageId == null ? UUID.randomUUID().toString() : messageId,
            conversation,
            Json.bytes(body)));
  }

  /** Drops replies not yet produced. */
  public void reset() {
    generation.incrementAndGet();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private void send(Message reply) {
    messages.save(reply);
    conversations.recordLastMessage(
        reply.conversation(), MessageJson.api(reply), reply.createdAt());
    byte[] body = Json.bytes(MessageJson.webhook(reply, faults.current()));
    delivery.submit(new Outbound(reply.id(), reply.conversation(), body));
  }
}
