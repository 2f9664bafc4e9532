package dev.maigw.gateway.quarantine;

import java.time.Instant;

/**
 * A body kept in quarantine.
 *
 * @param problemCode stable code of why it could not be read, e.g. {@code malformed_json}
 * @param seenCount how many times this exact body arrived
 */
public record QuarantinedBody(
    long id,
    String problemCode,
    String detail,
    String contentType,
    int bodyBytes,
    byte[] body,
    byte[] bodySha256,
    Instant firstSeenAt,
    Instant lastSeenAt,
    int seenCount) {}
