package dev.maigw.emulator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import dev.maigw.emulator.testing.MultipartBody;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartTest {

  private static Request request(String contentType, byte[] body) {
    Headers headers = new Headers();
    headers.add("Content-Type", contentType);
    return new Request("POST", URI.create("/x/"), headers, body, "http://127.0.0.1", Map.of());
  }

  @Test
  void keepsPartsInOrderWithNamesFilenamesAndBytes() {
    byte[] data = {0, 13, 10, 45, 45, (byte) 0xff};
    MultipartBody body =
        new MultipartBody().field("key", "a/b.pdf").file("file", "b.pdf", "application/pdf", data);

    List<MultipartPart> parts = Multipart.parse(request(body.contentType(), body.bytes()));

    assertThat(parts).extracting(MultipartPart::name).containsExactly("key", "file");
    assertThat(parts.get(0).text()).isEqualTo("a/b.pdf");
    assertThat(parts.get(0).isFile()).isFalse();
    assertThat(parts.get(1).filename()).isEqualTo("b.pdf");
    assertThat(parts.get(1).contentType()).isEqualTo("application/pdf");
    assertThat(parts.get(1).data()).containsExactly(data);
  }

  @Test
  void missingBoundaryAnswers400() {
    assertThatThrownBy(
            () ->
                Multipart.parse(
                    request("multipart/form-data", "x".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(HttpProblemException.class)
        .hasMessageContaining("Invalid boundary in multipart: None");
  }
}
