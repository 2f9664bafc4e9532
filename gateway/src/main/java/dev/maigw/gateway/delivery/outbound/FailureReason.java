package dev.maigw.gateway.delivery.outbound;

import java.util.Locale;

/** Why an outbound call produced no HTTP response; {@link #code()} is stable for records. */
public enum FailureReason {
  /** The policy refused the target's address; no connection was attempted. */
  FORBIDDEN_TARGET,
  /** The target's name did not resolve. */
  DNS,
  /** The target actively refused the TCP connection. */
  CONNECT_REFUSED,
  /** No route to the target (network or host unreachable). */
  UNREACHABLE,
  /** Connecting, waiting for the response or reading it took longer than allowed. */
  TIMEOUT,
  /** The connection was reset or closed before a complete response arrived. */
  RESET,
  /** The TLS handshake failed (certificate, protocol or a plain-HTTP server). */
  TLS,
  /** The target answered something that is not valid HTTP/1.1. */
  PROTOCOL,
  /** Any other I/O failure. */
  IO;

  /** Lower-case machine code, e.g. {@code connect_refused}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
