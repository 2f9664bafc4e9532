package dev.maigw.gateway.support;

import dev.maigw.gateway.GatewayApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real gateway for tests: the whole Spring application on a random loopback port, with its own
 * data directory (a real SQLite file) unless a database URL is given. Can be stopped and started
 * again on the same data to test restarts.
 */
public final class RunningGateway implements AutoCloseable {

  public static final String API_KEY = "test-api-key-0123456789";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path dataDir;
  private final Map<String, String> properties;
  private final Class<?>[] extraSources;
  private ConfigurableApplicationContext context;

  private RunningGateway(Path dataDir, Map<String, String> properties, Class<?>... extraSources) {
    this.dataDir = dataDir;
    this.properties = properties;
    this.extraSources = extraSources;
  }

  /** Starts a gateway with extra Spring configuration (e.g. beans an integrator would add). */
  public static RunningGateway startWith(Map<String, String> extraProperties, Class<?>... sources) {
    try {
      Path dir = Files.createTempDirectory("maigw-test-");
      RunningGateway gateway =
          new RunningGateway(dir, baseProperties(dir, extraProperties), sources);
      gateway.startContext();
      return gateway;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a gateway on a fresh temporary data directory. */
  public static RunningGateway start(Map<String, String> extraProperties) {
    try {
      Path dir = Files.createTempDirectory("maigw-test-");
      return startOn(dir, extraProperties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunningGateway start() {
    return start(Map.of());
  }

  /** Starts a gateway on an existing data directory. */
  public static RunningGateway startOn(Path dataDir, Map<String, String> extraProperties) {
    RunningGateway gateway = new RunningGateway(dataDir, baseProperties(dataDir, extraProperties));
    gateway.startContext();
    return gateway;
  }

  private static Map<String, String> baseProperties(Path dataDir, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("server.address", "127.0.0.1");
    properties.put("maigw.data-dir", dataDir.toString());
    properties.put("maigw.api-key", API_KEY);
    properties.putAll(extra);
    return properties;
  }

  private void startContext() {
    List<String> args = new ArrayList<>();
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    context =
        new SpringApplicationBuilder(GatewayApplication.class)
            .sources(extraSources)
            .run(args.toArray(String[]::new));
  }

  /** Stops gracefully and starts again on the same data directory and settings. */
  public void restart() {
    context.close();
    startContext();
  }

  public int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path sqliteFile() {
    return dataDir.resolve("maigw.db");
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  /** POSTs {@code body} as JSON to the webhook endpoint. */
  public HttpResponse<String> postWebhook(byte[] body) {
    return post("/maiagent/webhook", body, Map.of("Content-Type", "application/json"));
  }

  public HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** POSTs JSON to an API path with the test API key. */
  public HttpResponse<String> postApi(String path, String json) {
    return post(
        path,
        json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + API_KEY));
  }

  /** A free loopback port, for a gateway that must keep its address across restarts. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GETs an API path with the test API key. */
  public HttpResponse<String> getApi(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + API_KEY)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
  }

  /** GETs an API path with the test API key, keeping the answer's exact bytes. */
  public byte[] getApiBytes(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + API_KEY)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
    }
  }
}
