package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which media types and encodings the webhook accepts. Bodies are read as UTF-8 JSON; a compressed
 * body or another charset is refused (415) rather than guessed at.
 */
final class ContentTypePolicy {

  private ContentTypePolicy() {}

  static void check(String contentType, String contentEncoding, boolean strict) {
    if (contentEncoding != null
        && !contentEncoding.isBlank()
        && !contentEncoding.trim().equalsIgnoreCase("identity")) {
      throw unsupported("Content-Encoding is not supported; send the body uncompressed.");
    }
    if (contentType == null || contentType.isBlank()) {
      if (strict) {
        throw unsupported("Content-Type application/json is required.");
      }
      return;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw unsupported("Content-Type is not a valid media type.");
    }
    Charset charset;
    try {
      charset = type.getCharset();
    } catch (IllegalArgumentException e) {
      throw unsupported("Content-Type names an unknown charset; use UTF-8.");
    }
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      throw unsupported("Only UTF-8 bodies are accepted, not " + charset.name() + ".");
    }
    boolean json =
        MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
            || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
    if (strict && !json) {
      throw unsupported("Content-Type application/json is required.");
    }
  }

  private static GatewayException unsupported(String detail) {
    return new GatewayException(Problem.UNSUPPORTED_MEDIA_TYPE, detail);
  }
}
