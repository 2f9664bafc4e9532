package dev.maigw.benchmark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 response reader for one keep-alive connection. It reads the status line, the
 * headers it needs ({@code Content-Length}, {@code Transfer-Encoding: chunked}, {@code Connection})
 * and then exactly the body, which it discards. It works on bytes in one reused buffer and
 * allocates nothing per response.
 */
final class HttpResponseReader {

  private static final int MAX_LINE_BYTES = 8 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int start;
  private int end;
  private boolean closeRequested;
  private long contentLength;
  private boolean chunked;

  HttpResponseReader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads one complete response, skipping any {@code 1xx} interim responses.
   *
   * @return the status code
   * @throws EOFException if the connection ends before a complete response
   * @throws IOException on a read failure or timeout
   * @throws BenchmarkException if the response is not HTTP/1.x
   */
  int read() throws IOException {
    while (true) {
      int status = readHead();
      if (status >= 200 || status < 100) {
        skipBody(status);
        return status;
      }
    }
  }

  /** Whether the last response said the server closes the connection after it. */
  boolean closeRequested() {
    return closeRequested;
  }

  private int readHead() throws IOException {
    int lineEnd = lineEnd();
    int lineStart = start;
    if (lineEnd - lineStart < 12 || !startsWith(lineStart, "http/1.")) {
      throw new BenchmarkException(
          "Response does not start with an HTTP/1.x status line: " + text(lineStart, lineEnd));
    }
    closeRequested = buffer[lineStart + 7] == '0';
    int status = digits(lineStart + 9, lineStart + 12);
    if (status < 0) {
      throw new BenchmarkException("Response status is not a number: " + text(lineStart, lineEnd));
    }
    start = lineEnd + 2;
    contentLength = -1;
    chunked = false;
    for (int headerEnd = lineEnd(); headerEnd > start; headerEnd = lineEnd()) {
      header(start, headerEnd);
      start = headerEnd + 2;
    }
    start += 2;
    return status;
  }

  private void header(int from, int to) {
    if (startsWith(from, "content-length:")) {
      contentLength = digits(skipSpaces(from + 15, to), trimEnd(from, to));
      if (contentLength < 0) {
        throw new BenchmarkException("Response Content-Length is not a number: " + text(from, to));
      }
    } else if (startsWith(from, "transfer-encoding:")) {
      chunked = contains(from + 18, to, "chunked");
    } else if (startsWith(from, "connection:")) {
      if (contains(from + 11, to, "close")) {
        closeRequested = true;
      } else if (contains(from + 11, to, "keep-alive")) {
        closeRequested = false;
      }
    }
  }

  private void skipBody(int status) throws IOException {
    if (status == 204 || status == 304 || status < 200) {
      return;
    }
    if (chunked) {
      skipChunks();
    } else if (contentLength >= 0) {
      skip(contentLength);
    } else {
      // No length and not chunked: the body runs to the end of the connection.
      while (start < end || fill()) {
        start = end;
      }
      closeRequested = true;
    }
  }

  private void skipChunks() throws IOException {
    while (true) {
      int lineEnd = lineEnd();
      long size = hex(start, lineEnd);
      start = lineEnd + 2;
      if (size == 0) {
        for (int trailerEnd = lineEnd(); trailerEnd > start; trailerEnd = lineEnd()) {
          start = trailerEnd + 2;
        }
        start += 2;
        return;
      }
      skip(size + 2);
    }
  }

  private void skip(long count) throws IOException {
    long remaining = count;
    while (remaining > 0) {
      if (start == end && !fill()) {
        throw new EOFException("Connection closed inside a response body");
      }
      int step = (int) Math.min(remaining, end - start);
      start += step;
      remaining -= step;
    }
  }

  /** Returns the index of the CR of the next CRLF at or after {@code start}, reading as needed. */
  private int lineEnd() throws IOException {
    int scanned = start;
    while (true) {
      for (int i = scanned; i + 1 < end; i++) {
        if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
          return i;
        }
      }
      scanned = Math.max(start, end - 1);
      if (end - start >= MAX_LINE_BYTES) {
        throw new BenchmarkException("Response line exceeds the limit in bytes: " + MAX_LINE_BYTES);
      }
      int shift = start;
      if (!fill()) {
        throw new EOFException("Connection closed before a complete response");
      }
      scanned -= shift - start;
    }
  }

  /** Compacts the buffer and reads more; returns false at end of stream. */
  private boolean fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }

  private boolean startsWith(int from, String lowerAscii) {
    if (end - from < lowerAscii.length()) {
      return false;
    }
    for (int i = 0; i < lowerAscii.length(); i++) {
      if (Character.toLowerCase((char) buffer[from + i]) != lowerAscii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean contains(int from, int to, String lowerAscii) {
    for (int i = from; i + lowerAscii.length() <= to; i++) {
      if (startsWith(i, lowerAscii)) {
        return true;
      }
    }
    return false;
  }

  private int skipSpaces(int from, int to) {
    int i = from;
    while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
      i++;
    }
    return i;
  }

  private int trimEnd(int from, int to) {
    int i = to;
    while (i > from && (buffer[i - 1] == ' ' || buffer[i - 1] == '\t')) {
      i--;
    }
    return i;
  }

  private int digits(int from, int to) {
    if (from >= to || to - from > 9) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      if (buffer[i] < '0' || buffer[i] > '9') {
        return -1;
      }
      value = value * 10 + (buffer[i] - '0');
    }
    return value;
  }

  private long hex(int from, int to) {
    long value = 0;
    int i = from;
    for (; i < to && Character.digit((char) buffer[i], 16) >= 0; i++) {
      value = value * 16 + Character.digit((char) buffer[i], 16);
    }
    if (i == from || i - from > 15) {
      throw new BenchmarkException("Response chunk size is not hexadecimal: " + text(from, to));
    }
    return value;
  }

  private String text(int from, int to) {
    return new String(buffer, from, Math.min(to - from, 80), StandardCharsets.ISO_8859_1);
  }
}
