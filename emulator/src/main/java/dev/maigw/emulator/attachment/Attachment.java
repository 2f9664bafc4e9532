package dev.maigw.emulator.attachment;

import dev.maigw.emulator.system.Json;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registered attachment, as MaiAgent returns it: {@code {id, type, filename, file}}.
 *
 * @param file the file's URL
 * @param conversationId the conversation it was registered for, or null
 */
public record Attachment(
    String id, String type, String filename, String file, String conversationId) {

  /** The schema's attachment types (OAS {@code TypeEnum}). */
  public static final Set<String> TYPES = Set.of("image", "video", "audio", "sticker", "other");

  public ObjectNode toJson() {
    return Json.object()
        .put("id", id)
        .put("type", type)
        .put("filename", filename)
        .put("file", file);
  }
}
