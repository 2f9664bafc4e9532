package dev.maigw.emulator.attachment;

import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST upload-presigned-url/ {filename, modelName, fieldName, fileSize}} answers 200 {@code
 * {url, fields}} pointing at this emulator's own storage. Each field may also come as a query
 * parameter (one reference page documents them so) and in snake case.
 */
public final class PresignController {
  private static final Set<String> MODEL_NAMES = Set.of("attachment", "chatbot-file");

  private final ObjectStorage storage;

  public PresignController(ObjectStorage storage) {
    this.storage = storage;
  }

  public void register(Router router, String prefix) {
    router.add("POST", prefix + "upload-presigned-url/", this::presign);
  }

  Response presign(Request request) {
    JsonNode body = request.jsonObject();
    FieldErrors errors = new FieldErrors();
    String filename = value(request, body, "filename", "filename");
    String fileSize = value(request, body, "fileSize", "file_size");
    String modelName = value(request, body, "modelName", "model_name");
    String fieldName = value(request, body, "fieldName", "field_name");
    if (filename == null || filename.isBlank()) {
      errors.add("filename", FieldErrors.REQUIRED);
    }
    long size = -1;
    if (fileSize == null) {
      errors.add("fileSize", FieldErrors.REQUIRED);
    } else if (!fileSize.matches("\\d{1,15}")) {
      errors.add("fileSize", "A valid integer is required.");
    } else {
      size = Long.parseLong(fileSize);
    }
    String model = modelName == null ? "attachment" : modelName;
    if (!MODEL_NAMES.contains(model)) {
      errors.add("modelName", "\"" + model + "\" is not a valid choice.");
    }
    if (fieldName != null && !fieldName.equals("file")) {
      errors.add("fieldName", "\"" + fieldName + "\" is not a valid choice.");
    }
    errors.throwIfAny();
    return Response.json(200, storage.presign(model, filename, size).toJson());
  }

  private static String value(Request request, JsonNode body, String name, String snake) {
    String fromBody = Json.text(body, name, snake);
    if (fromBody != null) {
      return fromBody;
    }
    String fromQuery = request.query(name);
    return fromQuery != null ? fromQuery : request.query(snake);
  }
}
