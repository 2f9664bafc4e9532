package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their body a byte at a time hold no server thread: with more of them than the
 * server has threads, a valid webhook is still answered, and each slow client is cut off (408) once
 * its body is overdue.
 */
class SlowLorisTest {

  private static final int SLOW_CLIENTS = 50;

  @Test
  void answersAValidWebhookWhileMoreSlowClientsThanThreadsDribbleAndClosesThem() throws Exception {
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "server.jetty.threads.max", "20",
                "server.jetty.threads.min", "4",
                "maigw.webhook.body-timeout", "3s"))) {
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        slow.add(openSlowRequest(gateway.port(), i));
      }
      CompletableFuture<Void> dribbling = CompletableFuture.runAsync(() -> dribble(slow));
      try {
        // Each slow client has sent its head and a first byte, so each holds a request.
        var answer = gateway.postWebhook(Fixtures.reply("beside-the-slow", "c"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(gateway.bean(MessageStore.class).find("beside-the-slow")).isPresent();
        for (Socket socket : slow) {
          assertThat(statusLine(socket)).startsWith("HTTP/1.1 408");
        }
      } finally {
        dribbling.cancel(true);
        for (Socket socket : slow) {
          socket.close();
        }
      }
    }
  }

  private static Socket openSlowRequest(int port, int n) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(60_000);
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 500\r\n\r\n{";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** One byte to every open slow client each 500 ms, for at most a minute. */
  private static void dribble(List<Socket> sockets) {
    long end = System.nanoTime() + 60_000_000_000L;
    List<Socket> open = new ArrayList<>(sockets);
    while (!open.isEmpty() && System.nanoTime() < end) {
      open.removeIf(SlowLorisTest::sendOneByte);
      try {
        Thread.sleep(500); // the slow client's own pace, not a wait for the server
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** True when the socket no longer takes bytes. */
  private static boolean sendOneByte(Socket socket) {
    try {
      socket.getOutputStream().write(' ');
      socket.getOutputStream().flush();
      return false;
    } catch (IOException closed) {
      return true;
    }
  }

  private static String statusLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    try {
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.append((char) b);
      }
    } catch (SocketTimeoutException e) {
      return "no answer within a minute";
    }
    return line.toString().trim();
  }
}
