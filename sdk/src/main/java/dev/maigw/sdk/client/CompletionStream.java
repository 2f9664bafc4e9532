package dev.maigw.sdk.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A streamed completion being read: iterate the {@link CompletionChunk}s as they arrive, or call
 * {@link #text()} for the whole answer. The stream ends after the chunk with {@code done: true}, at
 * {@code data: [DONE]}, or when MaiAgent closes the connection, whichever comes first; it then
 * closes itself. Close it early (try-with-resources) to abandon the answer.
 *
 * <p>Reading blocks until MaiAgent sends the next event; the client's request timeout covers only
 * the wait for the response headers. Not thread-safe: read from one thread; {@link #close()} may be
 * called from another to abort a blocked read.
 */
public final class CompletionStream implements Iterator<CompletionChunk>, AutoCloseable {

  private final InputStream body;
  private final SseChunkReader reader;
  private final StringBuilder text = new StringBuilder();
  private CompletionChunk pending;
  private String conversationId;
  private boolean sawDone;
  private boolean ended;

  CompletionStream(InputStream body, ApiCall call) {
    this.body = body;
    this.reader = new SseChunkReader(body, call);
  }

  /**
   * Reads a 2xx completion response as a stream; see {@link #of(String, int, InputStream,
   * ApiCall)}.
   */
  static CompletionStream of(HttpResponse<InputStream> response, ApiCall call) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    return of(type, response.statusCode(), response.body(), call);
  }

  /**
   * Reads a 2xx completion body as a stream. A server that ignored the streaming flag and answered
   * plain JSON is read as a stream of that one, final chunk.
   */
  static CompletionStream of(String contentType, int status, InputStream body, ApiCall call) {
    if (!contentType.toLowerCase(Locale.ROOT).startsWith(ApiCall.JSON)) {
      return new CompletionStream(body, call);
    }
    byte[] json;
    try (InputStream in = body) {
      json = in.readAllBytes();
    } catch (IOException e) {
      throw ApiErrors.transport(call, e, true);
    }
    ObjectNode answer;
    try {
      answer = (ObjectNode) ApiJson.parseObject(json);
    } catch (ResponseShapeException e) {
      String text = new String(json, StandardCharsets.UTF_8);
      throw ApiErrors.invalidResponse(call, status, text, e.getMessage(), null);
    }
    if (!answer.has("done")) {
      answer.put("done", true);
    }
    String event = "data: " + answer + "\n";
    return new CompletionStream(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), call);
  }

  /**
   * @throws MaiAgentApiException if the connection fails mid-stream (transport, outcome unknown) or
   *     an event is not JSON (invalid response)
   */
  @Override
  public boolean hasNext() {
    if (pending == null && !ended) {
      pending = reader.next();
      if (pending == null) {
        sawDone = reader.sawSentinel();
        close();
      }
    }
    return pending != null;
  }

  @Override
  public CompletionChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The completion stream has ended.");
    }
    CompletionChunk chunk = pending;
    pending = null;
    text.append(chunk.content());
    if (chunk.conversationId() != null) {
      conversationId = chunk.conversationId();
    }
    if (chunk.done()) {
      sawDone = true;
      close();
    }
    return chunk;
  }

  /** Reads the rest of the stream and returns all content from the first chunk on. */
  public String text() {
    while (hasNext()) {
      next();
    }
    return text.toString();
  }

  /** The conversation id from the chunks read so far, or null before one named it. */
  public String conversationId() {
    return conversationId;
  }

  /**
   * Reads the rest of the stream and sums it up; {@code done} is false when the stream was cut off
   * before {@code done: true} or {@code [DONE]}.
   */
  public CompletionResult result() {
    String all = text();
    return new CompletionResult(conversationId, all, sawDone);
  }

  /** Stops reading and releases the connection. Safe to call more than once. */
  @Override
  public void close() {
    ended = true;
    try {
      body.close();
    } catch (IOException e) {
      // Closing only releases the connection; nothing more is read from it.
    }
  }
}
