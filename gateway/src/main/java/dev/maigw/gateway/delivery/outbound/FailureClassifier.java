package dev.maigw.gateway.delivery.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Turns the I/O failure of one exchange into an {@link OutboundCallException} with a reason. */
final class FailureClassifier {

  private FailureClassifier() {}

  /**
   * @param deadlinePassed whether the exchange's deadline aborted it; that wins over whatever
   *     exception the abort caused
   */
  static OutboundCallException classify(
      IOException failure, TargetUrl url, boolean deadlinePassed) {
    FailureReason reason = deadlinePassed ? FailureReason.TIMEOUT : reasonOf(failure);
    return new OutboundCallException(
        reason, "The call to " + url.origin() + " failed: " + reason.code() + ".", failure);
  }

  static FailureReason reasonOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      FailureReason reason = direct(t);
      if (reason != null) {
        return reason;
      }
    }
    return FailureReason.IO;
  }

  private static FailureReason direct(Throwable t) {
    if (t instanceof SSLException) {
      return FailureReason.TLS;
    }
    if (t instanceof UnknownHostException) {
      return FailureReason.DNS;
    }
    if (t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
      return FailureReason.TIMEOUT;
    }
    if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
      return FailureReason.UNREACHABLE;
    }
    if (t instanceof ConnectException) {
      return message(t).contains("refused")
          ? FailureReason.CONNECT_REFUSED
          : FailureReason.UNREACHABLE;
    }
    if (t instanceof NoHttpResponseException || t instanceof ConnectionClosedException) {
      return FailureReason.RESET;
    }
    if (t instanceof SocketException && isReset(message(t))) {
      return FailureReason.RESET;
    }
    if (t instanceof ClientProtocolException || t instanceof MalformedChunkCodingException) {
      return FailureReason.PROTOCOL;
    }
    return null;
  }

  private static boolean isReset(String message) {
    return message.contains("reset")
        || message.contains("broken pipe")
        || message.contains("closed");
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
  }
}
