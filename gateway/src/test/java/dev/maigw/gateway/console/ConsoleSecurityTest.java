package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's session, CSRF and header rules over real HTTP: what a browser is sent and what a
 * forged or unauthenticated request gets.
 */
class ConsoleSecurityTest {

  private static RunningGateway gateway;
  private static ConsoleHttp http;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of("maigw.console.max-failed-sign-ins", "3"));
    http = new ConsoleHttp(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void rootRedirectsToTheConsoleAndTheConsoleToSignIn() {
    HttpResponse<String> root = http.get("/", null);
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/console/");

    HttpResponse<String> console = http.get("/console/", null);
    assertThat(console.statusCode()).isEqualTo(303);
    assertThat(console.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/console/sign-in");
  }

  @Test
  void everyConsoleResponseCarriesTheSecurityHeaders() {
    String cookie = http.signIn();
    for (String path :
        List.of(
            "/",
            "/console/sign-in",
            "/console/",
            "/console/messages",
            "/console/conversations",
            "/console/live",
            "/console/deliveries",
            "/console/targets",
            "/console/quarantine",
            "/console/message?id=no-such-message",
            "/console/assets/console.js")) {
      HttpResponse<String> answer = http.get(path, cookie);
      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(ConsoleFilter.CONTENT_SECURITY_POLICY);
      assertThat(answer.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
      assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
    assertThat(ConsoleFilter.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void signInSetsAStrictHttpOnlyCookieAndSignOutEndsTheSession() {
    HttpResponse<String> answer =
        http.post("/console/sign-in", null, Map.of("apiKey", RunningGateway.API_KEY), Map.of());
    assertThat(answer.statusCode()).isEqualTo(302);
    String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith("maigw_console=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    HttpResponse<String> overview = http.get("/console/", cookie);
    assertThat(overview.statusCode()).isEqualTo(200);

    HttpResponse<String> signOut =
        http.post(
            "/console/sign-out",
            cookie,
            Map.of("_csrf", ConsoleHttp.csrf(overview.body())),
            Map.of());
    assertThat(signOut.statusCode()).isEqualTo(302);
    assertThat(signOut.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(http.get("/console/", cookie).statusCode()).isEqualTo(303);
  }

  @Test
  void aWrongKeyIsRefusedAndRepeatedWrongKeysAreSlowedDown() {
    Map<String, String> wrong = Map.of("apiKey", "not-the-key");
    HttpResponse<String> first = http.post("/console/sign-in", null, wrong, Map.of());
    assertThat(first.statusCode()).isEqualTo(401);
    assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
    http.post("/console/sign-in", null, wrong, Map.of());
    http.post("/console/sign-in", null, wrong, Map.of());

    HttpResponse<String> blocked =
        http.post("/console/sign-in", null, Map.of("apiKey", RunningGateway.API_KEY), Map.of());
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Set-Cookie")).isEmpty();
    gateway.bean(SignInAttempts.class).succeeded("127.0.0.1");
  }

  @Test
  void aStateChangeWithoutTheSessionsCsrfTokenIsRefused() {
    String cookie = http.signIn();
    String other = http.signIn();
    String othersToken = ConsoleHttp.csrf(http.get("/console/", other).body());

    assertThat(http.post("/console/sign-out", cookie, Map.of(), Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(
            http.post("/console/sign-out", cookie, Map.of("_csrf", othersToken), Map.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(http.get("/console/", cookie).statusCode()).as("still signed in").isEqualTo(200);
  }

  @Test
  void aStateChangeFromAnotherOriginIsRefusedEvenWithTheToken() {
    String cookie = http.signIn();
    String token = ConsoleHttp.csrf(http.get("/console/", cookie).body());

    assertThat(
            http.post(
                    "/console/sign-out",
                    cookie,
                    Map.of("_csrf", token),
                    Map.of("Origin", "https://evil.example"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.post(
                    "/console/sign-out",
                    cookie,
                    Map.of("_csrf", token),
                    Map.of("Sec-Fetch-Site", "cross-site"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.post("/console/sign-out", cookie, Map.of("_csrf", token), Map.of("Origin", "null"))
                .statusCode())
        .as("an opaque origin without Sec-Fetch-Site")
        .isEqualTo(403);
    assertThat(
            http.post(
                    "/console/sign-in",
                    null,
                    Map.of("apiKey", RunningGateway.API_KEY),
                    Map.of("Origin", "https://evil.example"))
                .statusCode())
        .as("login CSRF")
        .isEqualTo(403);
    assertThat(http.get("/console/", cookie).statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionCookieOpensTheStreamButNoOtherApiRoute() throws Exception {
    String cookie = http.signIn();
    // The stream answers once it has something to send: a stored reply.
    gateway.postWebhook(Fixtures.reply("console-stream-1", "console-stream"));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest stream =
        HttpRequest.newBuilder(URI.create(gateway.url("/api/stream")))
            .header("Cookie", cookie)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<java.io.InputStream> open =
        client.send(stream, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    byte[] first = open.body().readNBytes(3);
    open.body().close();
    assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("id:");

    assertThat(http.get("/api/conversations", cookie).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/stream", "maigw_console=forged").statusCode()).isEqualTo(401);
    assertThat(gateway.getApi("/api/conversations").statusCode())
        .as("the bearer key still works")
        .isEqualTo(200);
  }
}
