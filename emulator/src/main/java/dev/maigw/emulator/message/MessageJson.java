package dev.maigw.emulator.message;

import dev.maigw.emulator.fault.CitationShape;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.system.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders messages: {@link #api} is the API's canonical camelCase shape (receipt, {@code GET
 * messages/}); {@link #webhook} is the webhook body in the variant the faults ask for.
 */
public final class MessageJson {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MessageJson() {}

  /** Receipt and query shape: {@code createdAt} as ms string, numeric sender id. */
  public static ObjectNode api(Message message) {
    ObjectNode node = common(message, Faults.none());
    node.put("createdAt", millis(message.createdAt()));
    node.set("attachments", attachments(message));
    node.set("citations", citations(message, CitationShape.DOC));
    node.set("citationNodes", citationNodes(message));
    return node;
  }

  /** The webhook body MaiAgent would POST, shaped by {@code faults}. */
  public static ObjectNode webhook(Message message, Faults faults) {
    ObjectNode node = common(message, faults);
    String key = faults.timestampKey().spell("createdAt");
    switch (faults.timestampFormat()) {
      case MILLIS_STRING -> node.put(key, millis(message.createdAt()));
      case MILLIS_NUMBER -> node.put(key, message.createdAt().toEpochMilli());
      case SECONDS_STRING -> node.put(key, Long.toString(message.createdAt().getEpochSecond()));
      case ISO -> node.put(key, ISO_MILLIS.format(message.createdAt()));
    }
    node.set("attachments", attachments(message));
    node.set("citations", citations(message, faults.citationShape()));
    if (faults.citationNodes()) {
      node.set("citationNodes", citationNodes(message));
    }
    return node;
  }

  private static ObjectNode common(Message message, Faults faults) {
    ObjectNode node =
        Json.object().put("id", message.id()).put("conversation", message.conversation());
    ObjectNode sender = node.putObject("sender");
    long id = message.sender().id();
    switch (faults.senderIdType()) {
      case NUMBER -> sender.put("id", id);
      case STRING -> sender.put("id", Long.toString(id));
      case UUID -> sender.put("id", senderUuid(id));
    }
    sender.put("name", message.sender().name()).put("avatar", message.sender().avatar());
    node.put("type", message.type());
    node.put("content", message.content());
    node.putNull("feedback");
    return node;
  }

  private static ArrayNode attachments(Message message) {
    ArrayNode array = Json.array();
    message.attachments().forEach(attachment -> array.add(attachment.deepCopy()));
    return array;
  }

  private static ArrayNode citations(Message message, CitationShape shape) {
    ArrayNode array = Json.array();
    if (shape == CitationShape.NONE) {
      return array;
    }
    for (Citation citation : message.citations()) {
      ObjectNode node =
          array
              .addObject()
              .put("id", citation.id())
              .put("filename", citation.filename())
              .put("file", citation.file())
              .put("fileType", citation.fileType())
              .put("size", citation.sizeBytes())
              .put("status", "done");
      if (shape == CitationShape.DOC) {
        node.put("document", citation.document());
      } else {
        node.put("chatbotFileContent", citation.chatbotFileContent());
        node.putObject("parser")
            .put("id", "0b0c4f1e-2d7a-4c61-9a55-3f0e7c1d9a21")
            .put("name", "MaiAgent Parser")
            .put("provider", "maiagent")
            .put("priority", 0);
      }
      node.put("createdAt", millis(citation.createdAt()));
    }
    return array;
  }

  private static ArrayNode citationNodes(Message message) {
    ArrayNode array = Json.array();
    int rank = 0;
    for (Citation citation : message.citations()) {
      double score = (92 - 7 * rank++) / 100.0;
      ObjectNode node = array.addObject();
      node.putObject("chatbotTextNode")
          .put("id", nameUuid("node-" + citation.id()))
          .put("charactersCount", citation.excerpt().length())
          .put("hitsCount", 3)
          .put("text", citation.excerpt())
          .put("updatedAt", millis(citation.createdAt()))
          .put("filename", citation.filename());
      node.put("score", score).put("displayScore", Math.round(score * 100) + "%");
    }
    return array;
  }

  private static String millis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }

  private static String senderUuid(long id) {
    return nameUuid("sender-" + id);
  }

  private static String nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
