package dev.maigw.gateway.bridge;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of a {@code POST /api/conversations/{id}/messages} body, for the OpenAPI document only:
 * {@link SendRequest#parse} reads the JSON itself. Keep the two in step.
 */
@Schema(name = "SendBody", description = "A message to send to MaiAgent")
record SendBody(
    @Schema(
            description = "The message text",
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "你好")
        String content,
    @Schema(description = "Uploaded attachments, passed to MaiAgent as given")
        List<Attachment> attachments) {

  @Schema(name = "SendAttachment")
  record Attachment(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
      String type,
      String filename,
      String file) {}
}
