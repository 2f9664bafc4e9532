package dev.maigw.emulator.attachment;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Registered attachments in memory, by id. Thread-safe. */
public final class AttachmentStore {
  private final Map<String, Attachment> attachments = new ConcurrentHashMap<>();

  public Attachment register(String type, String filename, String file, String conversationId) {
    Attachment attachment =
        new Attachment(UUID.randomUUID().toString(), type, filename, file, conversationId);
    attachments.put(attachment.id(), attachment);
    return attachment;
  }

  public Optional<Attachment> find(String id) {
    return Optional.ofNullable(attachments.get(id));
  }

  public void clear() {
    attachments.clear();
  }
}
