package dev.maigw.benchmark;

/**
 * One measured run of the load generator against one endpoint.
 *
 * @param index the scenario's number within the run, encoded into its message ids
 * @param endpoint which endpoint is loaded
 * @param target where the endpoint is
 * @param load how it is loaded
 */
record Scenario(int index, Endpoint endpoint, LoopbackTarget target, Load load) {

  /** The gateway endpoints the benchmark compares. */
  enum Endpoint {
    /** The webhook intake, which answers after the message is committed. */
    DURABLE("durable"),
    /** An endpoint in the same JVM that answers at once, for scale. */
    NOOP("no-op");

    private final String label;

    Endpoint(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  String name() {
    return (load instanceof Load.FixedRate ? "fixed rate " : "closed loop ") + load.label();
  }
}
