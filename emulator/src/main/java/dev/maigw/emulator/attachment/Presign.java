package dev.maigw.emulator.attachment;

import dev.maigw.emulator.system.Json;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * An issued presigned POST: where to upload and the form fields that must accompany the file.
 *
 * @param maxBytes the policy's upper content-length bound (the announced {@code fileSize})
 */
public record Presign(
    String url,
    String key,
    String credential,
    String amzDate,
    String policy,
    String signature,
    long maxBytes,
    Instant expiresAt) {

  public static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** {@code {"url": ..., "fields": {key, x-amz-algorithm, ..., x-amz-signature}}}. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("url", url);
    node.putObject("fields")
        .put("key", key)
        .put("x-amz-algorithm", ALGORITHM)
        .put("x-amz-credential", credential)
        .put("x-amz-date", amzDate)
        .put("policy", policy)
        .put("x-amz-signature", signature);
    return node;
  }
}
