package dev.maigw.sdk.client;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registered attachment, as {@code attachments/} answers it and as messages and completions
 * reference it ({@code {id, type, filename, file}}).
 *
 * @param id the attachment id
 * @param type {@code image}, {@code video}, {@code audio}, {@code sticker} or {@code other}; may be
 *     null
 * @param filename the original file name
 * @param file the file's URL
 */
public record AttachmentRef(String id, String type, String filename, String file) {

  public AttachmentRef {
    Objects.requireNonNull(id, "id");
  }

  static AttachmentRef fromJson(JsonNode node) {
    return new AttachmentRef(
        ApiJson.requireText(node, "id"),
        ApiJson.text(node, "type"),
        ApiJson.text(node, "filename"),
        ApiJson.text(node, "file"));
  }

  ObjectNode toJson() {
    return ApiJson.object()
        .put("id", id)
        .put("type", type)
        .put("filename", filename)
        .put("file", file);
  }
}
