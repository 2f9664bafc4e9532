package dev.maigw.sdk.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Sends {@link ApiCall}s: adds the API key where due, applies the {@link RetryPolicy}, and turns
 * every failure into a {@link MaiAgentApiException}. Thread-safe; holds no mutable state.
 */
final class ApiTransport {

  /** Largest JSON answer read; MaiAgent's answers are a few KiB. */
  private static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

  private final HttpClient http;
  private final String authorization;
  private final Duration requestTimeout;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  ApiTransport(
      HttpClient http,
      String apiKey,
      Duration requestTimeout,
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    this.http = http;
    this.authorization = "Api-Key " + apiKey;
    this.requestTimeout = requestTimeout;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Sends the call and reads its 2xx JSON object answer with {@code reader}. */
  <T> T json(ApiCall call, Function<JsonNode, T> reader) {
    return jsonWithBytes(call, (node, body) -> reader.apply(node));
  }

  /**
   * As {@link #json}, also handing {@code reader} the answer's exact bytes (for keeping parts of it
   * verbatim).
   */
  <T> T jsonWithBytes(ApiCall call, BiFunction<JsonNode, byte[], T> reader) {
    HttpResponse<InputStream> response = send(call);
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_JSON_BYTES + 1);
    } catch (IOException e) {
      throw ApiErrors.transport(call, e, !call.idempotent());
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (body.length > MAX_JSON_BYTES) {
      throw ApiErrors.invalidResponse(
          call, response.statusCode(), text, "Body is over 16 MiB.", null);
    }
    try {
      return reader.apply(ApiJson.parseObject(body), body);
    } catch (ResponseShapeException e) {
      throw ApiErrors.invalidResponse(call, response.statusCode(), text, e.getMessage(), null);
    }
  }

  /**
   * Sends the call, repeating it as the policy allows, and returns the 2xx response with its body
   * still open; the caller closes it.
   */
  HttpResponse<InputStream> send(ApiCall call) {
    HttpRequest request = toRequest(call);
    for (int retry = 0; ; retry++) {
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        boolean nothingSent = nothingSent(e);
        if (retry < policy.maxRetries()
            && policy.retriesTransportFailure(call.idempotent(), nothingSent)) {
          pause(call, policy.delay(retry + 1, null, jitter()));
          continue;
        }
        throw ApiErrors.transport(call, e, !call.idempotent() && !nothingSent);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiErrors.transport(call, e, !call.idempotent());
      }
      int status = response.statusCode();
      if (status >= 200 && status <= 299) {
        return response;
      }
      String body = drain(response);
      Duration retryAfter = RetryPolicy.retryAfter(response.headers(), clock.instant());
      if (retry < policy.maxRetries()
          && policy.retriesStatus(status, call.idempotent(), retryAfter != null)) {
        pause(call, policy.delay(retry + 1, retryAfter, jitter()));
        continue;
      }
      boolean outcomeUnknown = !call.idempotent() && status >= 500;
      throw ApiErrors.status(call, status, body, retryAfter, outcomeUnknown);
    }
  }

  private HttpRequest toRequest(ApiCall call) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(call.uri()).timeout(requestTimeout).header("Accept", call.accept());
    if (call.authorized()) {
      builder.header("Authorization", authorization);
    }
    if (call.body() == null) {
      return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", call.contentType())
        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()))
        .build();
  }

  /** A refused or timed-out connect means no byte of the request reached the server. */
  private static boolean nothingSent(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private void pause(ApiCall call, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiErrors.transport(call, e, false);
    }
  }

  private static String drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(ApiErrors.MAX_BODY_CHARS), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The status is the failure to report; a body lost on the way adds nothing to act on.
      return "";
    }
  }

  private static double jitter() {
    return ThreadLocalRandom.current().nextDouble();
  }
}
