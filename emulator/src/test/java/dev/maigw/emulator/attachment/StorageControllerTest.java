package dev.maigw.emulator.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.MultipartBody;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class StorageControllerTest {
  private static final byte[] FILE = "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);
  private static final List<String> FIELDS =
      List.of(
          "key", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy", "x-amz-signature");

  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  private JsonNode presign() {
    return ApiClient.json(
        api.postJson(
            "upload-presigned-url/",
            "{\"filename\":\"a.pdf\",\"modelName\":\"attachment\",\"fieldName\":\"file\",\"fileSize\":"
                + FILE.length
                + "}"));
  }

  /** The presigned fields in order, minus {@code skip}, with the file before {@code fileBefore}. */
  private MultipartBody form(JsonNode presign, String skip, String fileBefore) {
    MultipartBody body = new MultipartBody();
    for (String field : FIELDS) {
      if (field.equals(fileBefore)) {
        body.file("file", "a.pdf", "application/pdf", FILE);
      }
      if (!field.equals(skip)) {
        body.field(field, presign.get("fields").get(field).asString());
      }
    }
    if (fileBefore == null) {
      body.file("file", "a.pdf", "application/pdf", FILE);
    }
    return body;
  }

  private HttpResponse<String> upload(JsonNode presign, MultipartBody form) {
    return api.send(
        api.request(URI.create(presign.get("url").asString()))
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
  }

  @Test
  void presignedUploadWithFileLastAnswers204AndStoresTheFile() {
    JsonNode presign = presign();

    HttpResponse<String> response = upload(presign, form(presign, null, null));

    assertThat(response.statusCode()).isEqualTo(204);
    String location = response.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> stored = api.send(api.request(URI.create(location)).GET());
    assertThat(stored.body()).isEqualTo("%PDF-1.4 fake");
  }

  @Test
  void fileBeforeOtherFieldsAnswers400() {
    JsonNode presign = presign();

    HttpResponse<String> response = upload(presign, form(presign, null, "policy"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidArgument</Code>", "must be the last field");
  }

  @Test
  void missingFieldAnswers400NamingIt() {
    JsonNode presign = presign();

    HttpResponse<String> response = upload(presign, form(presign, "x-amz-signature", null));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("field named 'x-amz-signature'");
  }

  @Test
  void authorizationHeaderIsRefusedLikeS3() {
    JsonNode presign = presign();
    MultipartBody form = form(presign, null, null);

    HttpResponse<String> response =
        api.send(
            api.request(URI.create(presign.get("url").asString()))
                .header("Content-Type", form.contentType())
                .header("Authorization", "Api-Key " + emulator.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Only one auth mechanism allowed");
  }

  @Test
  void tamperedSignatureAnswers403() {
    JsonNode presign = presign();
    MultipartBody form = new MultipartBody();
    for (String field : FIELDS) {
      String value = presign.get("fields").get(field).asString();
      form.field(field, field.equals("x-amz-signature") ? "0".repeat(64) : value);
    }
    form.file("file", "a.pdf", "application/pdf", FILE);

    HttpResponse<String> response = upload(presign, form);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("SignatureDoesNotMatch");
  }
}
