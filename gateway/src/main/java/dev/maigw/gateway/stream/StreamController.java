package dev.maigw.gateway.stream;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.gateway.system.StoreUnavailableException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stream[?conversation=…][&after=…]}: every stored message as an SSE event {@code
 * message} whose {@code id} is its commit cursor, starting after {@code Last-Event-ID} (or {@code
 * after}), so a client that reconnects with the last id it saw gets every later message exactly
 * once, in commit order.
 *
 * <p>Refusals (bad cursor, no free slot) are ordinary problem answers; an accepted stream leaves
 * Spring MVC's hands: the servlet request goes asynchronous and {@link Streams} writes it without
 * blocking. The status and headers go out at once, before any event.
 */
@RestController
class StreamController {

  private final Streams streams;
  private final StreamProperties properties;

  StreamController(Streams streams, StreamProperties properties) {
    this.streams = streams;
    this.properties = properties;
  }

  @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  void stream(
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    long cursor = cursor(lastEventId != null ? lastEventId : after);
    if (!streams.isReady()) {
      throw new StoreUnavailableException("The message store has not answered yet.");
    }
    if (!streams.tryReserve()) {
      throw new GatewayException(
          Problem.STREAMS_FULL, "Too many open streams (" + properties.maxStreams() + ").");
    }
    try {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("text/event-stream;charset=UTF-8");
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      // Tells nginx-style proxies not to buffer the stream.
      response.setHeader("X-Accel-Buffering", "no");
      AsyncContext async = request.startAsync();
      async.setTimeout(0);
      streams.open(async, conversation, cursor);
    } catch (IOException | RuntimeException e) {
      streams.release();
      throw e;
    }
  }

  private static long cursor(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new GatewayException(Problem.INVALID_CURSOR, "Last-Event-ID or after is not a cursor.");
  }
}
