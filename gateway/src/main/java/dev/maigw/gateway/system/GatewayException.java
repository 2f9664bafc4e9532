package dev.maigw.gateway.system;

import java.util.Map;

/**
 * Root of the gateway's own exceptions. Each carries the {@link Problem} that decides its HTTP
 * status and code, and a detail sentence meant for the developer on the other end.
 */
public class GatewayException extends RuntimeException {

  private final Problem problem;

  public GatewayException(Problem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  public GatewayException(Problem problem, String detail, Throwable cause) {
    super(detail, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** HTTP status; a subclass may pass on another service's status. */
  public org.springframework.http.HttpStatusCode status() {
    return problem.status();
  }

  /** Stable machine code for the problem body; a subclass may be more specific than its type. */
  public String code() {
    return problem.code();
  }

  /** Extra members for the problem body (e.g. a quarantine id). */
  public Map<String, Object> properties() {
    return Map.of();
  }
}
