package dev.maigw.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Webhook bodies for tests: the sample files shipped with the sdk's tests, and a valid reply. */
public final class Fixtures {

  private Fixtures() {}

  /** A sample body from {@code webhooks/} (sdk test resources), byte for byte. */
  public static byte[] sample(String fileName) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("No sample webhook named " + fileName);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid AI reply with the given ids, in the documented shape. */
  public static byte[] reply(String id, String conversation) {
    return reply(id, conversation, "您好！這是第 " + id + " 則回覆。");
  }

  public static byte[] reply(String id, String conversation, String content) {
    return ("{\"id\":\""
            + id
            + "\",\"conversation\":\""
            + conversation
            + "\",\"sender\":{\"id\":1042,\"name\":\"客服小幫手\",\"avatar\":\"https://media.example.com/a.png\"},"
            + "\"type\":\"outgoing\",\"content\":\""
            + content
            + "\",\"feedback\":null,\"createdAt\":\"1747723272345\",\"attachments\":[],\"citations\":[]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
