package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.maigw.emulator.system.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The presigned upload: presign, storage POST without the API key, registration. */
class MaiAgentClientAttachmentsTest {

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  private final MaiAgentClient client = mai.client().build();

  @Test
  void uploadsThroughPresignedStorageAndRegisters() throws Exception {
    byte[] pdf = allByteValues();

    AttachmentRef ref = client.uploadAttachment(null, "報價單 2025.pdf", pdf, "other");

    assertThat(ref.id()).isNotBlank();
    assertThat(ref.type()).isEqualTo("other");
    assertThat(ref.filename()).isEqualTo("報價單 2025.pdf");
    assertThat(mai.emulator.requests())
        .extracting(RecordedRequest::method, RecordedRequest::target, RecordedRequest::status)
        .containsExactly(
            tuple("POST", "/api/v1/upload-presigned-url/", 200),
            tuple("POST", "/storage/maiagent-media/", 204),
            tuple("POST", "/api/v1/attachments/", 201));
    assertThat(download(ref.file())).isEqualTo(pdf);
  }

  @Test
  void storageUploadCarriesNoAuthorizationHeader() {
    client.uploadAttachment(null, "a.txt", new byte[] {1, 2, 3}, null);

    RecordedRequest storage = mai.requests("POST", "/storage/").get(0);
    assertThat(storage.headers()).doesNotContainKey("authorization");
    assertThat(storage.headers().get("content-type")).startsWith("multipart/form-data; boundary=");
    assertThat(mai.requests("POST", "/api/v1/"))
        .allSatisfy(
            api ->
                assertThat(api.headers()).containsEntry("authorization", "Api-Key emulator-key"));
  }

  @Test
  void presignAsksForAnAttachmentFieldWithTheFileSize() {
    client.uploadAttachment(null, "a.txt", new byte[] {1, 2, 3}, null);

    JsonNode presign =
        ApiJson.parseObject(
            mai.requests("POST", "/api/v1/upload-presigned-url/").get(0).body().getBytes());
    assertThat(presign.get("filename").stringValue()).isEqualTo("a.txt");
    assertThat(presign.get("modelName").stringValue()).isEqualTo("attachment");
    assertThat(presign.get("fieldName").stringValue()).isEqualTo("file");
    assertThat(presign.get("fileSize").intValue()).isEqualTo(3);
  }

  @Test
  void registersIntoTheConversationItIsGiven() {
    String conversation = client.createConversation("any-web-chat").id();

    AttachmentRef ref = client.uploadAttachment(conversation, "b.png", new byte[] {9}, "image");

    assertThat(ref.type()).isEqualTo("image");
    assertThat(mai.requests("POST", "/api/v1/conversations/" + conversation + "/attachments/"))
        .extracting(RecordedRequest::status)
        .containsExactly(201);
  }

  private static byte[] allByteValues() {
    byte[] bytes = new byte[512];
    IntStream.range(0, bytes.length).forEach(i -> bytes[i] = (byte) i);
    return bytes;
  }

  private static byte[] download(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
