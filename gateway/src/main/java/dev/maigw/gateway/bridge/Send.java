package dev.maigw.gateway.bridge;

import java.time.Instant;

/**
 * A message sent (or to be sent) to MaiAgent through the bridge.
 *
 * @param attachmentsJson the attachments array exactly as sent to MaiAgent
 * @param status {@code queued}, {@code sending}, {@code sent}, {@code replied} or {@code failed}
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
    String errorBody) {

  static final String REPLIED = "replied";
  static final String FAILED = "failed";

  /** True once nothing more will happen to it on its own: replied or failed. */
  boolean isSettled() {
    return REPLIED.equals(status) || FAILED.equals(status);
  }
}
