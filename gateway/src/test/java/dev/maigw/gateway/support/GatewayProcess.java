package dev.maigw.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as its own JVM, for tests that {@code kill -9} it: started on the test classpath with
 * a given data directory, port and extra {@code --property=value} arguments.
 */
public final class GatewayProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;

  private GatewayProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a gateway that is expected to refuse to start, and waits for it to exit.
   *
   * @return its exit code
   */
  public static int startExpectingExit(Path dataDir, int port, Path log, String... properties) {
    try {
      Process process = builder(dataDir, port, log, properties).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Gateway started although it was expected to refuse");
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the gateway and waits until it is ready. Output goes to {@code log}. */
  public static GatewayProcess start(Path dataDir, int port, Path log, String... properties) {
    try {
      GatewayProcess gateway =
          new GatewayProcess(builder(dataDir, port, log, properties).start(), port);
      gateway.awaitReady();
      return gateway;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessBuilder builder(Path dataDir, int port, Path log, String... properties) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.maigw.gateway.GatewayApplication",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--maigw.data-dir=" + dataDir,
            "--maigw.api-key=" + RunningGateway.API_KEY));
    for (String property : properties) {
      command.add("--" + property);
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder;
  }

  public int port() {
    return port;
  }

  /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends SIGTERM (a graceful stop) and waits for the process to end.
   *
   * @return its exit code
   */
  public int terminate(Duration within) {
    process.destroy();
    try {
      if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new IllegalStateException("Gateway did not stop within " + within);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    kill();
    throw new IllegalStateException("Gateway did not become ready on port " + port);
  }

  @Override
  public void close() {
    kill();
  }
}
