package dev.maigw.gateway.console;

import dev.maigw.gateway.support.RunningGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client for console requests: no redirects followed, cookies passed by hand. */
final class ConsoleHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final RunningGateway gateway;

  ConsoleHttp(RunningGateway gateway) {
    this.gateway = gateway;
  }

  HttpResponse<String> get(String path, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request);
  }

  HttpResponse<String> post(
      String path, String cookie, Map<String, String> form, Map<String, String> headers) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    headers.forEach(request::header);
    return send(request);
  }

  /** Signs in with the test key and returns the {@code name=value} cookie to send back. */
  String signIn() {
    HttpResponse<String> answer =
        post("/console/sign-in", null, Map.of("apiKey", RunningGateway.API_KEY), Map.of());
    String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  /** The CSRF token in a page's forms. */
  static String csrf(String page) {
    Matcher matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF field on the page");
    }
    return matcher.group(1);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
