package dev.maigw.gateway.bridge;

import java.time.Instant;

/**
 * A message sent (or to be sent) to MaiAgent through the bridge.
 *
 * @param attachmentsJson the attachments array exactly as sent to MaiAgent
 * @param status {@code queued}, {@code sending}, {@code sent}, {@code unknown} (MaiAgent may have
 *     taken it: a 5xx, a timeout, or the gateway failing to record the 201), {@code replied} or
 *     {@code failed} (MaiAgent refused it for certain)
 * @param idempotencyKey the caller's {@code Idempotency-Key}, or null
 */
record Send(
    String sendId,
    String conversationId,
    String content,
    String attachmentsJson,
    String status,
    Instant createdAt,
    Instant dispatchedAt,
    String receiptMessageId,
    int replyCount,
    Integer errorStatus,
    String errorDetail,
    String errorBody,
    String idempotencyKey) {

  static final String REPLIED = "replied";
  static final String FAILED = "failed";
  static final String UNKNOWN = "unknown";

  /** True once nothing more will happen to it on its own: replied or failed. */
  boolean isSettled() {
    return REPLIED.equals(status) || FAILED.equals(status);
  }

  /** True when MaiAgent answered the call with an error that leaves its outcome open. */
  boolean isUnknownAfterError() {
    return UNKNOWN.equals(status) && errorStatus != null;
  }

  /** True when this send was made from the same request body as {@code content} and attachments. */
  boolean hasBody(String otherContent, String otherAttachmentsJson) {
    return content.equals(otherContent) && attachmentsJson.equals(otherAttachmentsJson);
  }
}
