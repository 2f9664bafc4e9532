package dev.maigw.gateway.system;

/**
 * The store cannot take a write right now (locked, full, read-only, down, shutting down or
 * overloaded). Answered with 503 and {@code Retry-After}, so the sender tries again; never 200.
 */
public class StoreUnavailableException extends GatewayException {

  public StoreUnavailableException(String detail) {
    super(Problem.STORE_UNAVAILABLE, detail);
  }

  public StoreUnavailableException(String detail, Throwable cause) {
    super(Problem.STORE_UNAVAILABLE, detail, cause);
  }
}
