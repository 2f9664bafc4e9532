package dev.maigw.gateway.bridge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.maigw.gateway.query.MessageView;
import java.time.Instant;
import java.util.List;

/**
 * A send as the API shows it.
 *
 * @param idempotencyKey the caller's {@code Idempotency-Key}, if it gave one
 * @param reply the first reply matched to it, or null
 * @param error why MaiAgent refused it ({@code failed}), or the error that left it {@code unknown}
 * @param replies every reply matched to it, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SendView(
    String id,
    String conversation,
    String status,
    String content,
    @JsonRawValue String attachments,
    Instant createdAt,
    Instant dispatchedAt,
    String receiptMessageId,
    String idempotencyKey,
    MessageView reply,
    List<MessageView> replies,
    Error error) {

  /** Why MaiAgent refused the message. */
  record Error(Integer maiagentStatus, String detail) {}

  static SendView of(Send send, List<MessageView> replies) {
    return new SendView(
        send.sendId(),
        send.conversationId(),
        send.status(),
        send.content(),
        send.attachmentsJson(),
        send.createdAt(),
        send.dispatchedAt(),
        send.receiptMessageId(),
        send.idempotencyKey(),
        replies.isEmpty() ? null : replies.get(0),
        replies,
        Send.FAILED.equals(send.status()) || send.isUnknownAfterError()
            ? new Error(send.errorStatus(), send.errorDetail())
            : null);
  }
}
