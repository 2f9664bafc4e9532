package dev.maigw.sdk.client;

/**
 * A successful answer whose body the client cannot use; the transport turns it into a {@link
 * MaiAgentApiException} of kind {@link MaiAgentApiException.Kind#INVALID_RESPONSE} with the status
 * and body attached.
 */
final class ResponseShapeException extends RuntimeException {

  ResponseShapeException(String reason) {
    super(reason, null, false, false);
  }
}
