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
