package dev.maigw.emulator.attachment;

import dev.maigw.emulator.conversation.ConversationStore;
import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Multipart;
import dev.maigw.emulator.system.MultipartPart;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Registers attachments. {@code POST attachments/} and {@code POST conversations/{id}/attachments/}
 * take JSON {@code {file, filename, type}} (the presigned flow's last step) or, as some samples do,
 * a multipart {@code file}; {@code POST attachments-upload/} takes a multipart {@code file}. All
 * answer 201 {@code {id, type, filename, file}}.
 */
public final class AttachmentController {
  private static final String ONE_SHOT_FOLDER = "media/chat/attachment/";

  private final AttachmentStore attachments;
  private final ObjectStorage storage;
  private final ConversationStore conversations;

  public AttachmentController(
      AttachmentStore attachments, ObjectStorage storage, ConversationStore conversations) {
    this.attachments = attachments;
    this.storage = storage;
    this.conversations = conversations;
  }

  public void register(Router router, String prefix) {
    router.add("POST", prefix + "attachments/", request -> create(request, null));
    router.add(
        "POST",
        prefix + "conversations/{id}/attachments/",
        request -> create(request, conversations.require(request.pathVariable("id")).id()));
    router.add("POST", prefix + "attachments-upload/", this::upload);
  }

  Response create(Request request, String conversationId) {
    if (request.isMultipart()) {
      return uploadParts(Multipart.parse(request), conversationId);
    }
    JsonNode body = request.jsonObject();
    FieldErrors errors = new FieldErrors();
    String file = errors.requireText(body, "file");
    String filename = errors.requireText(body, "filename");
    String type = type(Json.text(body, "type"), errors);
    errors.throwIfAny();
    String url =
        file.startsWith("http://") || file.startsWith("https://") ? file : storage.urlOf(file);
    return created(attachments.register(type, filename, url, conversationId));
  }

  Response upload(Request request) {
    if (!request.isMultipart()) {
      throw new FieldErrors().add("file", "No file was submitted.").toException();
    }
    return uploadParts(Multipart.parse(request), null);
  }

  private Response uploadParts(List<MultipartPart> parts, String conversationId) {
    FieldErrors errors = new FieldErrors();
    MultipartPart file =
        parts.stream().filter(p -> p.name().equals("file") && p.isFile()).findFirst().orElse(null);
    if (file == null) {
      errors.add("file", "No file was submitted.");
    }
    String requestedType =
        parts.stream()
            .filter(p -> p.name().equals("type"))
            .map(MultipartPart::text)
            .findFirst()
            .orElse(null);
    String type = type(requestedType, errors);
    errors.throwIfAny();
    String filename = file.filename().isBlank() ? "file" : file.filename();
    String key = storage.putNew(ONE_SHOT_FOLDER, filename, file.contentType(), file.data());
    return created(attachments.register(type, filename, storage.urlOf(key), conversationId));
  }

  private static String type(String requested, FieldErrors errors) {
    if (requested == null || requested.isBlank()) {
      return "other";
    }
    if (!Attachment.TYPES.contains(requested)) {
      errors.add("type", "\"" + requested + "\" is not a valid choice.");
    }
    return requested;
  }

  private static Response created(Attachment attachment) {
    return Response.json(201, attachment.toJson());
  }
}
