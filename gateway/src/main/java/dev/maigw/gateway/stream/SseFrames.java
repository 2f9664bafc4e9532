package dev.maigw.gateway.stream;

import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.query.MessageView;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent Events framing of stored messages. The data is the message as {@code GET
 * /api/messages/{id}} shows it, whose {@code body} is the stored JSON verbatim and so may hold line
 * breaks (pretty-printed webhooks): each line of the data goes out as a {@code data:} line of its
 * own, split at CRLF, LF and lone CR alike, as SSE parsers split, and a client that joins them gets
 * the data back with every line break as LF (JSON whitespace; the exact bytes stay at {@code
 * /api/messages/{id}/raw}, checked by {@code bodySha256}).
 */
@Component
class SseFrames {

  /** An idle stream's comment, so proxies keep the connection and a gone client is noticed. */
  static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final JsonMapper json;

  SseFrames(JsonMapper json) {
    this.json = json;
  }

  /** The {@code message} event of {@code message}, whose id is its cursor. */
  Frame message(StoredMessage message) {
    String data = json.writeValueAsString(MessageView.of(message));
    String event = "id: " + message.seq() + "\nevent: message\n" + dataLines(data) + "\n";
    return new Frame(
        message.seq(), message.conversationId(), event.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code data} as {@code data:} lines, one per line of it. Each line keeps a space after the
   * colon, because a parser drops exactly one there and an indented line starts with one itself.
   */
  static String dataLines(String data) {
    StringBuilder lines = new StringBuilder(data.length() + 16).append("data: ");
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
          i++;
        }
        lines.append("\ndata: ");
      } else {
        lines.append(c);
      }
    }
    return lines.append('\n').toString();
  }

  /** One encoded event, shared by every stream it goes to. */
  record Frame(long seq, String conversationId, byte[] bytes) {}
}
