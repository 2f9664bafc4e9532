package dev.maigw.gateway.stream;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamException;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/stream} read by LaunchDarkly's EventSource, a widely used SSE client with a
 * spec-following parser: what it makes of the stream is what real clients make of it.
 */
final class EventSourceClient implements AutoCloseable {

  private final EventSource source;

  private EventSourceClient(EventSource source) {
    this.source = source;
  }

  /** Connects (without reconnecting on failure), resuming after {@code lastEventId} if given. */
  static EventSourceClient open(RunningGateway gateway, String query, String lastEventId)
      throws StreamException {
    EventSource.Builder builder =
        new EventSource.Builder(
                ConnectStrategy.http(URI.create(gateway.url("/api/stream" + query)))
                    .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                    .readTimeout(10, TimeUnit.SECONDS))
            .errorStrategy(ErrorStrategy.alwaysThrow());
    if (lastEventId != null) {
      builder.lastEventId(lastEventId);
    }
    EventSource source = builder.build();
    source.start();
    return new EventSourceClient(source);
  }

  /** The next {@code count} events as the client parsed them; throws if the stream ends first. */
  List<MessageEvent> read(int count) throws StreamException {
    List<MessageEvent> events = new ArrayList<>();
    while (events.size() < count) {
      events.add(source.readMessage());
    }
    return events;
  }

  @Override
  public void close() {
    source.close();
  }
}
