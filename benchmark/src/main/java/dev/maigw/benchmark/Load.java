package dev.maigw.benchmark;

/** How a scenario drives its connections: as fast as each can, or at a fixed total rate. */
sealed interface Load {

  /** The number of keep-alive connections, each served by its own platform thread. */
  int connections();

  /** A short label for reports, e.g. {@code c=64} or {@code 2000/s}. */
  String label();

  /**
   * Closed loop: each connection sends its next request as soon as the previous response arrives.
   */
  record ClosedLoop(int connections) implements Load {
    @Override
    public String label() {
      return "c=" + connections;
    }
  }

  /**
   * Fixed rate: {@code requestsPerSecond} spread evenly over the connections, each request with an
   * intended send time; latency is measured from that time, so a stalled server is charged for the
   * requests it delayed (no coordinated omission).
   */
  record FixedRate(int requestsPerSecond, int connections) implements Load {
    @Override
    public String label() {
      return requestsPerSecond + "/s";
    }

    /** The gap between two intended sends on one connection. */
    long intervalNanos() {
      return Math.max(1, 1_000_000_000L * connections / requestsPerSecond);
    }
  }
}
