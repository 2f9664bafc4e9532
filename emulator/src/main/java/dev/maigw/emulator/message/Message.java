package dev.maigw.emulator.message;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A message in a conversation: the user's ({@code incoming}) or the AI assistant's ({@code
 * outgoing}).
 *
 * @param attachments attachment objects {@code {id, type, filename, file}} as stored
 */
public record Message(
    String id,
    String conversation,
    Sender sender,
    String type,
    String content,
    Instant createdAt,
    List<JsonNode> attachments,
    List<Citation> citations) {

  public static final String INCOMING = "incoming";
  public static final String OUTGOING = "outgoing";

  public Message {
    attachments = List.copyOf(attachments);
    citations = List.copyOf(citations);
  }
}
