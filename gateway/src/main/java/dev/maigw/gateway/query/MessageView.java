package dev.maigw.gateway.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.maigw.gateway.message.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A stored reply as the API shows it: the normalised fields, and under {@code body} the JSON
 * exactly as MaiAgent sent it (embedded verbatim, never re-serialised, so no number or string is
 * altered).
 *
 * @param source {@code webhook}, or {@code reconciled} when it was read back from MaiAgent's
 *     message list (its {@code body} is then that list's JSON for the message)
 */
public record MessageView(
    String cursor,
    String id,
    String conversation,
    String type,
    String content,
    SenderView sender,
    Instant createdAt,
    Instant receivedAt,
    int attachmentCount,
    int citationCount,
    int duplicates,
    int conflicts,
    String source,
    String bodySha256,
    @JsonRawValue String body) {

  public record SenderView(String id, String name, String avatar) {}

  public static MessageView of(StoredMessage m) {
    return new MessageView(
        Long.toString(m.seq()),
        m.messageId(),
        m.conversationId(),
        m.type(),
        m.content(),
        new SenderView(m.senderId(), m.senderName(), m.senderAvatar()),
        m.createdAt(),
        m.receivedAt(),
        m.attachmentCount(),
        m.citationCount(),
        m.duplicateCount(),
        m.conflictCount(),
        m.source().label(),
        HexFormat.of().formatHex(m.bodySha256()),
        embeddable(m.body()));
  }

  /** The body parsed as JSON when it was stored, so it embeds as-is once a BOM is dropped. */
  private static String embeddable(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
