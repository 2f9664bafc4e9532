package dev.maigw.emulator.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.MultipartBody;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class AttachmentControllerTest {
  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  private HttpResponse<String> postMultipart(String path, MultipartBody body) {
    return api.send(
        api.api(path)
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  private MultipartBody oneFile() {
    return new MultipartBody()
        .file(
            "file", "報表.xls", "application/vnd.ms-excel", "cells".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void registeringAnUploadedKeyAnswers201WithAFileUrl() {
    HttpResponse<String> response =
        api.postJson(
            "attachments/",
            "{\"file\":\"media/chat/attachment/k/a.png\",\"filename\":\"a.png\",\"type\":\"image\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = ApiClient.json(response);
    assertThat(body.propertyNames()).containsExactly("id", "type", "filename", "file");
    assertThat(body.get("type").asString()).isEqualTo("image");
    assertThat(body.get("file").asString())
        .isEqualTo(emulator.origin() + "/storage/maiagent-media/media/chat/attachment/k/a.png");
  }

  @Test
  void registeringForAConversationAnswers201AndUnknownConversation404() {
    String conversation = api.createConversation();
    String body = "{\"file\":\"k/a.pdf\",\"filename\":\"a.pdf\"}";

    HttpResponse<String> known =
        api.postJson("conversations/" + conversation + "/attachments/", body);
    HttpResponse<String> unknown = api.postJson("conversations/nope/attachments/", body);

    assertThat(known.statusCode()).isEqualTo(201);
    assertThat(ApiClient.json(known).get("type").asString()).isEqualTo("other");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void missingFieldsAndUnknownTypeAnswer400() {
    HttpResponse<String> missing = api.postJson("attachments/", "{}");
    HttpResponse<String> badType =
        api.postJson("attachments/", "{\"file\":\"k\",\"filename\":\"f\",\"type\":\"document\"}");

    assertThat(missing.body())
        .isEqualTo(
            "{\"file\":[\"This field is required.\"],\"filename\":[\"This field is required.\"]}");
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(badType.body())
        .isEqualTo("{\"type\":[\"\\\"document\\\" is not a valid choice.\"]}");
  }

  @Test
  void oneShotUploadAnswers201WithTypeOther() {
    HttpResponse<String> response = postMultipart("attachments-upload/", oneFile());

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("type").asString()).isEqualTo("other");
    assertThat(body.get("filename").asString()).isEqualTo("報表.xls");
    HttpResponse<String> stored =
        api.send(api.request(java.net.URI.create(body.get("file").asString())).GET());
    assertThat(stored.body()).isEqualTo("cells");
  }

  @Test
  void multipartOnAttachmentsIsAcceptedAsTheSamplesSendIt() {
    HttpResponse<String> response = postMultipart("attachments/", oneFile());

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void oneShotUploadWithoutAFileAnswers400() {
    HttpResponse<String> response =
        postMultipart("attachments-upload/", new MultipartBody().field("name", "x"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"file\":[\"No file was submitted.\"]}");
  }
}
