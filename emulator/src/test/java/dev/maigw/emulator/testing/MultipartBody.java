package dev.maigw.emulator.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@code multipart/form-data} body with parts in exactly the order added. */
public final class MultipartBody {
  private static final String BOUNDARY = "----emulator-test-boundary-7MA4YWxkTrZu0gW";

  private final List<byte[]> parts = new ArrayList<>();

  public MultipartBody field(String name, String value) {
    parts.add(
        ("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value)
            .getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public MultipartBody file(String name, String filename, String contentType, byte[] data) {
    byte[] head =
        ("Content-Disposition: form-data; name=\""
                + name
                + "\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] part = new byte[head.length + data.length];
    System.arraycopy(head, 0, part, 0, head.length);
    System.arraycopy(data, 0, part, head.length, data.length);
    parts.add(part);
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(part);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
