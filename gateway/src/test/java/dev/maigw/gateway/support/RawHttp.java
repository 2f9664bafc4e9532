package dev.maigw.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written HTTP/1.1 over a plain socket, for requests a real client refuses to send: lying
 * lengths, smuggling headers, giant headers, a chosen source address.
 */
public final class RawHttp {

  private RawHttp() {}

  /** The status code of the answer, or -1 when the server closed without answering. */
  public static int exchange(int port, String head, byte[] body, int readTimeoutMillis) {
    return exchange(InetAddress.getLoopbackAddress(), port, head, body, readTimeoutMillis);
  }

  /** Like {@link #exchange(int, String, byte[], int)}, from the given local address. */
  public static int exchange(
      InetAddress from, int port, String head, byte[] body, int readTimeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
      } catch (IOException refusedMidway) {
        // The server may answer and close before taking everything; its answer still counts.
      }
      return readStatus(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("reset")) {
        return -1;
      }
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code first}, reads its whole answer (which must carry a Content-Length), then sends
   * {@code second} on the same connection; returns both statuses (-1 for no answer).
   */
  public static java.util.List<Integer> exchangeTwice(
      int port, String first, String second, int readTimeoutMillis) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(first.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      int firstStatus = readStatus(in);
      in.readNBytes(contentLength(in));
      out.write(second.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      int secondStatus;
      try {
        secondStatus = readStatus(in);
      } catch (SocketTimeoutException e) {
        secondStatus = -1;
      }
      return java.util.List.of(firstStatus, secondStatus);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads header lines up to the blank line; returns Content-Length (0 when absent). */
  private static int contentLength(InputStream in) throws IOException {
    int length = 0;
    while (true) {
      String line = readLine(in);
      if (line.isEmpty()) {
        return length;
      }
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1).trim();
  }

  private static int readStatus(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    String status = line.toString(StandardCharsets.ISO_8859_1).trim();
    if (!status.startsWith("HTTP/1.1 ")) {
      return -1;
    }
    return Integer.parseInt(status.substring(9, 12));
  }
}
