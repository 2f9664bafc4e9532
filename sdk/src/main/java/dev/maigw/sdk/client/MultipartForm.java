package dev.maigw.sdk.client;

import java.io.ByteArrayOutputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body for a presigned storage POST: the text fields in the given
 * order, then the file last, as S3 and MinIO require.
 */
final class MultipartForm {

  private final String boundary = "maiagent-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Builds the form; {@code fields} is iterated in its own order. */
  static MultipartForm of(Map<String, String> fields, String filename, byte[] file) {
    MultipartForm form = new MultipartForm();
    fields.forEach(form::field);
    form.file(filename, file);
    return form;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] body() {
    return out.toByteArray();
  }

  private void field(String name, String value) {
    write("--" + boundary + "\r\n");
    write("Content-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
    write(value);
    write("\r\n");
  }

  private void file(String filename, byte[] data) {
    String type = URLConnection.guessContentTypeFromName(filename);
    write("--" + boundary + "\r\n");
    write(
        "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(filename) + "\"\r\n");
    write("Content-Type: " + (type == null ? "application/octet-stream" : type) + "\r\n\r\n");
    out.writeBytes(data);
    write("\r\n--" + boundary + "--\r\n");
  }

  /** RFC 7578 §4.2: names go out as UTF-8; quotes and line breaks are percent-encoded. */
  private static String quoted(String text) {
    return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private void write(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
