package dev.maigw.emulator.system;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Every API and storage call the emulator received, newest last, capped in memory. */
public final class RequestLog {
  /** Longest body text kept per request. */
  public static final int MAX_BODY_CHARS = 4096;

  private static final int CAPACITY = 10_000;

  private final Clock clock;
  private final BoundedLog<RecordedRequest> entries = new BoundedLog<>(CAPACITY);

  public RequestLog(Clock clock) {
    this.clock = clock;
  }

  public void record(Request request, int status) {
    Map<String, String> headers = new TreeMap<>();
    request
        .headers()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    String body =
        request.isMultipart() ? "<multipart, " + request.body().length + " bytes>" : cut(request);
    entries.add(
        new RecordedRequest(
            clock.instant(),
            request.method(),
            request.uri().toString(),
            Map.copyOf(headers),
            body,
            status));
  }

  public List<RecordedRequest> snapshot() {
    return entries.snapshot();
  }

  public void clear() {
    entries.clear();
  }

  private static String cut(Request request) {
    String text = request.bodyText();
    return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS);
  }
}
