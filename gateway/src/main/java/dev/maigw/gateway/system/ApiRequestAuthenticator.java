package dev.maigw.gateway.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Another way than the bearer key to let a request into {@code /api/**}, for clients that cannot
 * send an {@code Authorization} header (a browser's {@code EventSource}). An implementation must
 * accept only what it can authenticate on its own, and only the routes it means to open.
 */
public interface ApiRequestAuthenticator {

  /** Whether this request is authenticated by this means; false lets the bearer check decide. */
  boolean authenticates(HttpServletRequest request);
}
