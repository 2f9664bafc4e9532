package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSlicesTest {

  @Test
  void cutsEachElementOfTheTopLevelArrayByteForByte() {
    String first =
        "{\"id\":\"a\",\"n\":1e999999999,\"s\":\"\\u00e9\\ud800\",\"k\":{\"results\":[9]}}";
    String second = "{ \"id\" : \"b\" }";
    byte[] page =
        ("{\"next\":null,\"nested\":{\"results\":[0]},\"results\": [ "
                + first
                + " ,\n"
                + second
                + "]}")
            .getBytes(StandardCharsets.UTF_8);

    List<byte[]> slices = JsonSlices.arrayElements(page, "results");

    assertThat(slices)
        .extracting(slice -> new String(slice, StandardCharsets.UTF_8))
        .containsExactly(first, second);
  }

  @Test
  void keepsMultiByteTextIntact() {
    String item = "{\"content\":\"您好 é 😀\"}";
    byte[] page = ("{\"results\":[" + item + "]}").getBytes(StandardCharsets.UTF_8);

    assertThat(JsonSlices.arrayElements(page, "results").get(0))
        .isEqualTo(item.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void answersNothingWithoutSuchArrayAndRefusesNonJson() {
    assertThat(
            JsonSlices.arrayElements(
                "{\"results\":null}".getBytes(StandardCharsets.UTF_8), "results"))
        .isEmpty();
    assertThatThrownBy(
            () ->
                JsonSlices.arrayElements(
                    "{\"results\":[".getBytes(StandardCharsets.UTF_8), "results"))
        .isInstanceOf(ResponseShapeException.class);
  }
}
