package dev.maigw.sdk.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three-step attachment upload: ask MaiAgent for a presigned storage POST, upload the file to
 * storage (without the API key), then register the stored key as an attachment.
 */
final class PresignedUpload {

  /** Presigned form fields and where to send them. */
  private record Target(URI url, Map<String, String> fields) {}

  private final ApiTransport transport;
  private final URI baseUrl;

  PresignedUpload(ApiTransport transport, URI baseUrl) {
    this.transport = transport;
    this.baseUrl = baseUrl;
  }

  AttachmentRef upload(String conversationPath, String filename, byte[] bytes, String type) {
    Target target = presign(filename, bytes.length);
    store(target, filename, bytes);
    String key = target.fields().get("key").replace("${filename}", filename);
    ObjectNode registration = ApiJson.object().put("file", key).put("filename", filename);
    if (type != null) {
      registration.put("type", type);
    }
    String path = conversationPath == null ? "attachments/" : conversationPath + "attachments/";
    return transport.json(ApiCall.post(baseUrl, path, registration), AttachmentRef::fromJson);
  }

  private Target presign(String filename, long sizeBytes) {
    ObjectNode request =
        ApiJson.object()
            .put("filename", filename)
            .put("modelName", "attachment")
            .put("fieldName", "file")
            .put("fileSize", sizeBytes);
    // Signing creates nothing that a repeat could duplicate, so it is retried like a read.
    ApiCall call = ApiCall.post(baseUrl, "upload-presigned-url/", request).asIdempotent();
    return transport.json(call, this::target);
  }

  private void store(Target target, String filename, byte[] bytes) {
    MultipartForm form = MultipartForm.of(target.fields(), filename, bytes);
    ApiCall call = ApiCall.storageUpload(target.url(), form.body(), form.contentType());
    HttpResponse<InputStream> response = transport.send(call);
    try (InputStream body = response.body()) {
      body.readAllBytes();
    } catch (IOException e) {
      throw ApiErrors.transport(call, e, false);
    }
  }

  private Target target(JsonNode node) {
    URI url;
    try {
      url = baseUrl.resolve(ApiJson.requireText(node, "url"));
    } catch (IllegalArgumentException e) {
      throw new ResponseShapeException("Field 'url' is not a URL.");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new ResponseShapeException("Field 'url' is not an http(s) URL.");
    }
    JsonNode fields = node.get("fields");
    if (fields == null || !fields.isObject() || !fields.has("key")) {
      throw new ResponseShapeException("Field 'fields.key' is missing.");
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    fields.properties().forEach(field -> ordered.put(field.getKey(), field.getValue().asString()));
    return new Target(url, ordered);
  }
}
