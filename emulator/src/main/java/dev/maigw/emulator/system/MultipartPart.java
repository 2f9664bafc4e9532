package dev.maigw.emulator.system;

import java.nio.charset.StandardCharsets;

/**
 * One part of a {@code multipart/form-data} body.
 *
 * @param filename the {@code filename} of Content-Disposition, or null for a plain field
 * @param contentType the part's Content-Type, or null
 */
public record MultipartPart(String name, String filename, String contentType, byte[] data) {

  public boolean isFile() {
    return filename != null;
  }

  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }
}
