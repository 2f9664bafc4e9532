package dev.maigw.emulator.conversation;

import dev.maigw.emulator.inbox.Inbox;
import dev.maigw.emulator.system.HttpProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Conversations in memory, by id. Thread-safe. */
public final class ConversationStore {
  private final Clock clock;
  private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final AtomicInteger visitors = new AtomicInteger();

  public ConversationStore(Clock clock) {
    this.clock = clock;
  }

  /** Opens a conversation for a new visitor contact in {@code inbox}. */
  public Conversation create(Inbox inbox) {
    int visitor = visitors.incrementAndGet();
    Conversation conversation =
        new Conversation(
            UUID.randomUUID().toString(),
            inbox,
            UUID.randomUUID().toString(),
            "訪客 " + visitor,
            "與訪客 " + visitor + " 的對話",
            clock.instant(),
            null,
            null);
    conversations.put(conversation.id(), conversation);
    return conversation;
  }

  public Optional<Conversation> find(String id) {
    return Optional.ofNullable(conversations.get(id));
  }

  /**
   * @throws HttpProblemException 404 {@code {"detail": "Not found."}} for an unknown id
   */
  public Conversation require(String id) {
    return find(id).orElseThrow(HttpProblemException::notFound);
  }

  /** Records the conversation's newest message; a no-op for unknown conversations. */
  public void recordLastMessage(String id, JsonNode message, Instant at) {
    conversations.computeIfPresent(id, (key, current) -> current.withLastMessage(message, at));
  }

  public List<Conversation> all() {
    return List.copyOf(conversations.values());
  }

  public void clear() {
    conversations.clear();
    visitors.set(0);
  }
}
