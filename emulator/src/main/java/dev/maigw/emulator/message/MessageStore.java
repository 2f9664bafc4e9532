package dev.maigw.emulator.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages in memory, in creation order. Thread-safe. */
public final class MessageStore {
  private final Map<String, Message> messages = new LinkedHashMap<>();

  public synchronized void save(Message message) {
    messages.put(message.id(), message);
  }

  public synchronized Optional<Message> find(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  /** The conversation's messages, oldest first; all messages when {@code conversation} is null. */
  public synchronized List<Message> list(String conversation) {
    return messages.values().stream()
        .filter(message -> conversation == null || message.conversation().equals(conversation))
        .toList();
  }

  public synchronized void clear() {
    messages.clear();
  }
}
