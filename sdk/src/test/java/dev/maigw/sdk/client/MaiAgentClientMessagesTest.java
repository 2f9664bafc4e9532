package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.maigw.emulator.system.RecordedRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Sending and listing messages, over loopback HTTP against the emulator. */
class MaiAgentClientMessagesTest {

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  private final MaiAgentClient client = mai.client().pageSize(2).build();

  @Test
  void sendsMessageAndReturnsTheReceipt() {
    String conversation = client.createConversation("any-web-chat").id();

    MessageReceipt receipt = client.sendMessage(conversation, "你好", null);

    assertThat(receipt.id()).isNotBlank();
    assertThat(receipt.conversationId()).isEqualTo(conversation);
    assertThat(receipt.type()).isEqualTo("incoming");
    assertThat(receipt.content()).isEqualTo("你好");
    assertThat(receipt.createdAt()).isNotNull();
    RecordedRequest request = mai.requests("POST", "/api/v1/messages/").get(0);
    assertThat(request.body())
        .isEqualTo(
            "{\"conversation\":\"" + conversation + "\",\"content\":\"你好\",\"attachments\":[]}");
  }

  @Test
  void sendsAttachmentsAsObjects() {
    String conversation = client.createConversation("any-web-chat").id();
    AttachmentRef photo =
        client.uploadAttachment(
            null, "photo.png", "png-bytes".getBytes(StandardCharsets.UTF_8), "image");

    MessageReceipt receipt = client.sendMessage(conversation, "see photo", List.of(photo));

    JsonNode sent = ApiJson.parseObject(lastBody("/api/v1/messages/")).get("attachments").get(0);
    assertThat(sent.get("id").stringValue()).isEqualTo(photo.id());
    assertThat(sent.get("type").stringValue()).isEqualTo("image");
    assertThat(sent.get("filename").stringValue()).isEqualTo("photo.png");
    assertThat(sent.get("file").stringValue()).isEqualTo(photo.file());
    assertThat(receipt.raw().get("attachments").get(0).get("id").stringValue())
        .isEqualTo(photo.id());
  }

  @Test
  void blankContentIsBadRequestWithFieldErrors() {
    String conversation = client.createConversation("any-web-chat").id();

    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> client.sendMessage(conversation, "", null));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.BAD_REQUEST);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.fieldErrors())
        .isEqualTo(Map.of("content", List.of("This field may not be blank.")));
    assertThat(e.detail()).isEqualTo("content: This field may not be blank.");
    assertThat(e.isOutcomeUnknown()).isFalse();
  }

  @Test
  void listsMessagesNewestFirstAcrossPagesByFollowingNext() {
    String conversation = client.createConversation("any-web-chat").id();
    client.sendMessage(conversation, "first", null);
    client.sendMessage(conversation, "second", null);
    client.sendMessage(conversation, "third", null);

    MessagePage first = client.listMessages(conversation, null);
    MessagePage second = client.listMessages(conversation, first.next());

    assertThat(first.results())
        .extracting(MessageReceipt::content)
        .containsExactly("third", "second");
    assertThat(first.hasNext()).isTrue();
    assertThat(second.results()).extracting(MessageReceipt::content).containsExactly("first");
    assertThat(second.next()).isNull();
    assertThat(mai.requests("GET", "/api/v1/messages/"))
        .extracting(RecordedRequest::target)
        .first()
        .isEqualTo("/api/v1/messages/?conversation=" + conversation + "&pageSize=2");
  }

  @Test
  void keepsEachListedMessageAsTheBytesMaiAgentSent() throws Exception {
    String conversation = client.createConversation("any-web-chat").id();
    client.sendMessage(conversation, "您好 é", null);

    MessagePage page = client.listMessages(conversation, null);
    String served = rawAnswer("messages/?conversation=" + conversation + "&pageSize=2");

    assertThat(page.resultBytes()).hasSize(1);
    String verbatim = new String(page.resultBytes().get(0), StandardCharsets.UTF_8);
    assertThat(verbatim).startsWith("{\"id\":\"" + page.results().get(0).id() + "\"");
    assertThat(verbatim).endsWith("}").contains("您好 é");
    assertThat(served).contains("\"results\":[" + verbatim + "]");
  }

  @Test
  void followsOnlyTheQueryOfANextLinkThatNamesAnotherHost() {
    String conversation = client.createConversation("any-web-chat").id();
    client.sendMessage(conversation, "first", null);
    client.sendMessage(conversation, "second", null);
    client.sendMessage(conversation, "third", null);
    String next = client.listMessages(conversation, null).next();
    String elsewhere = next.replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "https://evil.example");

    MessagePage second = client.listMessages(conversation, elsewhere);

    assertThat(second.results()).extracting(MessageReceipt::content).containsExactly("first");
  }

  /** What the emulator answers a plain GET, as text. */
  private static String rawAnswer(String relativePath) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(mai.emulator.baseUrl().resolve(relativePath))
            .header("Authorization", "Api-Key " + mai.emulator.apiKey())
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }

  private byte[] lastBody(String path) {
    List<RecordedRequest> requests = mai.requests("POST", path);
    return requests.get(requests.size() - 1).body().getBytes(StandardCharsets.UTF_8);
  }
}
