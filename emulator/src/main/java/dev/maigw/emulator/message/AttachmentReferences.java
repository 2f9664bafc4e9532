package dev.maigw.emulator.message;

import dev.maigw.emulator.attachment.AttachmentStore;
import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads a message's {@code attachments}: the Python samples send objects {@code {id, type,
 * filename, file}}, the C# samples send id strings; both are accepted. Ids must name a registered
 * attachment.
 */
public final class AttachmentReferences {
  private final AttachmentStore attachments;

  public AttachmentReferences(AttachmentStore attachments) {
    this.attachments = attachments;
  }

  /** The attachment objects to store; records DRF-style errors in {@code errors}. */
  public List<JsonNode> read(JsonNode value, FieldErrors errors) {
    List<JsonNode> resolved = new ArrayList<>();
    if (value == null || value.isNull()) {
      return resolved;
    }
    if (!value.isArray()) {
      errors.add(
          "attachments",
          "Expected a list of items but got type \""
              + value.getNodeType().name().toLowerCase(Locale.ROOT)
              + "\".");
      return resolved;
    }
    for (JsonNode element : value) {
      if (element.isObject()) {
        resolved.add(element.deepCopy());
      } else if (element.isString()) {
        attachments
            .find(element.stringValue())
            .ifPresentOrElse(
                attachment -> resolved.add(attachment.toJson()),
                () ->
                    errors.add(
                        "attachments",
                        "Invalid pk \"" + element.stringValue() + "\" - object does not exist."));
      } else {
        errors.add(
            "attachments",
            "Incorrect type. Expected pk value, received " + Json.scalarText(element) + ".");
      }
    }
    return resolved;
  }
}
