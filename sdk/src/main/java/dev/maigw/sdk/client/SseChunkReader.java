package dev.maigw.sdk.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads completion chunks from a Server-Sent Events body the way MaiAgent's samples do: one JSON
 * object per {@code data:} line; every other line ({@code event:}, {@code id:}, comments, blank
 * separators) is ignored, as are empty {@code data:} lines. {@code data: [DONE]} ends the stream.
 */
final class SseChunkReader {

  private static final String DATA = "data:";
  private static final String DONE_SENTINEL = "[DONE]";

  private final BufferedReader lines;
  private final ApiCall call;
  private boolean sawSentinel;

  SseChunkReader(InputStream body, ApiCall call) {
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    this.call = call;
  }

  /**
   * The next chunk, or null at {@code [DONE]} or the end of the body.
   *
   * @throws MaiAgentApiException {@link MaiAgentApiException.Kind#INVALID_RESPONSE} for a data line
   *     that is not a JSON object, {@link MaiAgentApiException.Kind#TRANSPORT} if reading fails
   */
  CompletionChunk next() {
    String line;
    while ((line = readLine()) != null) {
      if (!line.startsWith(DATA)) {
        continue;
      }
      String data = line.substring(DATA.length()).strip();
      if (data.isEmpty()) {
        continue;
      }
      if (data.equals(DONE_SENTINEL)) {
        sawSentinel = true;
        return null;
      }
      try {
        return CompletionChunk.fromJson(ApiJson.parseObject(data.getBytes(StandardCharsets.UTF_8)));
      } catch (ResponseShapeException e) {
        throw ApiErrors.invalidResponse(call, 200, data, "Event data is not a JSON object.", null);
      }
    }
    return null;
  }

  /** Whether the stream ended with {@code data: [DONE]}. */
  boolean sawSentinel() {
    return sawSentinel;
  }

  private String readLine() {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw ApiErrors.transport(call, e, true);
    }
  }
}
