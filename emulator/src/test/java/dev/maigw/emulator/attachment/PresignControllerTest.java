package dev.maigw.emulator.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class PresignControllerTest {
  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  @Test
  void answersThisEmulatorsStorageUrlAndTheSixFormFields() {
    HttpResponse<String> response =
        api.postJson(
            "upload-presigned-url/",
            "{\"filename\":\"報價單.pdf\",\"modelName\":\"attachment\",\"fieldName\":\"file\",\"fileSize\":1024}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("url").asString())
        .isEqualTo(emulator.origin() + "/storage/maiagent-media/");
    JsonNode fields = body.get("fields");
    assertThat(fields.propertyNames())
        .containsExactly(
            "key",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
            "policy",
            "x-amz-signature");
    assertThat(fields.get("key").asString())
        .startsWith("media/chat/attachment/")
        .endsWith("/報價單.pdf");
    assertThat(fields.get("x-amz-algorithm").asString()).isEqualTo("AWS4-HMAC-SHA256");
  }

  @Test
  void acceptsQueryParametersAndSnakeCase() {
    HttpResponse<String> response =
        api.postJson(
            "upload-presigned-url/?filename=a.txt&model_name=chatbot-file", "{\"file_size\":3}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(response).get("fields").get("key").asString())
        .startsWith("media/chatbot-file/");
  }

  @Test
  void missingFilenameAndSizeAnswer400PerField() {
    HttpResponse<String> response = api.postJson("upload-presigned-url/", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"filename\":[\"This field is required.\"],\"fileSize\":[\"This field is required.\"]}");
  }
}
