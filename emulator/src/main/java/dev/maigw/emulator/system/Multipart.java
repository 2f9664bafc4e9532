package dev.maigw.emulator.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict-enough {@code multipart/form-data} reader that keeps the order of parts. */
public final class Multipart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");
  private static final Pattern PARAM =
      Pattern.compile("(?i)(name|filename)\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private Multipart() {}

  /**
   * Parses the request body into parts, in the order sent.
   *
   * @throws HttpProblemException 400 (DRF's "Multipart form parse error") when malformed
   */
  public static List<MultipartPart> parse(Request request) {
    String contentType = String.valueOf(request.header("Content-Type"));
    Matcher matcher = BOUNDARY.matcher(contentType);
    if (!matcher.find()) {
      throw malformed("Invalid boundary in multipart: None");
    }
    byte[] delimiter = ("--" + matcher.group(2)).getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = request.body();
    int position = indexOf(body, delimiter, 0);
    if (position < 0) {
      throw malformed("Boundary not found in body");
    }
    List<MultipartPart> parts = new ArrayList<>();
    byte[] nextDelimiter = concat(CRLF, delimiter);
    while (true) {
      int afterDelimiter = position + delimiter.length;
      if (startsWith(body, afterDelimiter, new byte[] {'-', '-'})) {
        return parts;
      }
      int headersStart = afterDelimiter + CRLF.length;
      int headersEnd = indexOf(body, HEADER_END, headersStart);
      int dataEnd = headersEnd < 0 ? -1 : indexOf(body, nextDelimiter, headersEnd);
      if (headersEnd < 0 || dataEnd < 0) {
        throw malformed("Part not terminated by a boundary");
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] data = Arrays.copyOfRange(body, headersEnd + HEADER_END.length, dataEnd);
      parts.add(part(headers, data));
      position = dataEnd + CRLF.length;
    }
  }

  private static MultipartPart part(String headers, byte[] data) {
    String name = null;
    String filename = null;
    String contentType = null;
    for (String line : headers.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-disposition:")) {
        Matcher param = PARAM.matcher(line);
        while (param.find()) {
          String value = param.group(2) != null ? param.group(2) : param.group(3);
          if (param.group(1).equalsIgnoreCase("name")) {
            name = value;
          } else {
            filename = value;
          }
        }
      } else if (lower.startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).trim();
      }
    }
    if (name == null) {
      throw malformed("Part without a Content-Disposition name");
    }
    return new MultipartPart(name, filename, contentType, data);
  }

  private static HttpProblemException malformed(String reason) {
    return HttpProblemException.detail(400, "Multipart form parse error - " + reason);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      if (startsWith(haystack, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] haystack, int offset, byte[] prefix) {
    if (offset < 0 || offset + prefix.length > haystack.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (haystack[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
