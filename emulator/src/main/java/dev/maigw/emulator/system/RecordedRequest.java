package dev.maigw.emulator.system;

import java.time.Instant;
import java.util.Map;

/**
 * One request the emulator answered, for inspection by tests.
 *
 * @param target path and query as received
 * @param headers the first value of each request header, names in lower case
 * @param body the body as text, cut to {@value RequestLog#MAX_BODY_CHARS} characters
 * @param status the status answered
 */
public record RecordedRequest(
    Instant receivedAt,
    String method,
    String target,
    Map<String, String> headers,
    String body,
    int status) {}
