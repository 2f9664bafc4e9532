package dev.maigw.emulator.completion;

import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SSE body of a streamed completion: one {@code data: {json}} event per delta of a few
 * characters, then {@code data: {..., "content": "", "done": true}}, then optionally {@code data:
 * [DONE]}. The id key follows {@link Faults#streamIdKey()}.
 */
final class CompletionStream {
  /** Characters (code points) per delta event. */
  static final int DELTA_CODE_POINTS = 6;

  /** Pause between events, so clients see a real stream rather than one write. */
  static final Duration EVENT_GAP = Duration.ofMillis(15);

  private CompletionStream() {}

  static Response of(String conversationId, String content, Faults faults) {
    String idKey = faults.streamIdKey().spell("conversationId");
    boolean sentinel = faults.streamDoneSentinel();
    return Response.stream(
        200,
        "text/event-stream; charset=utf-8",
        out -> {
          for (String delta : deltas(content)) {
            event(out, event(idKey, conversationId, delta, false));
            pause();
          }
          event(out, event(idKey, conversationId, "", true));
          if (sentinel) {
            write(out, "data: [DONE]\n\n");
          }
        });
  }

  static List<String> deltas(String content) {
    List<String> deltas = new ArrayList<>();
    int[] codePoints = content.codePoints().toArray();
    for (int from = 0; from < codePoints.length; from += DELTA_CODE_POINTS) {
      int to = Math.min(from + DELTA_CODE_POINTS, codePoints.length);
      deltas.add(new String(codePoints, from, to - from));
    }
    return deltas;
  }

  private static ObjectNode event(String idKey, String conversationId, String delta, boolean done) {
    return Json.object().put(idKey, conversationId).put("content", delta).put("done", done);
  }

  private static void event(OutputStream out, ObjectNode data) throws IOException {
    write(out, "data: " + Json.MAPPER.writeValueAsString(data) + "\n\n");
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(EVENT_GAP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Completion stream interrupted");
    }
  }
}
