package dev.maigw.emulator.attachment;

import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Multipart;
import dev.maigw.emulator.system.MultipartPart;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fake bucket's HTTP face, S3-like: {@code POST /storage/maiagent-media/} takes a presigned
 * multipart form (the six fields, then {@code file} last, no Authorization header) and answers 204;
 * {@code GET /storage/maiagent-media/<key>} serves an uploaded file. Errors are S3's XML.
 */
public final class StorageController {
  private static final List<String> REQUIRED_FIELDS =
      List.of(
          "key", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy", "x-amz-signature");

  private final ObjectStorage storage;

  public StorageController(ObjectStorage storage) {
    this.storage = storage;
  }

  /** Answers any request under {@code /storage/}. */
  public Response handle(Request request) {
    try {
      String path = request.uri().getPath();
      boolean bucketRoot = path.equals(ObjectStorage.BUCKET_PATH);
      if (request.method().equals("POST") && bucketRoot) {
        return upload(request);
      }
      if (request.method().equals("GET") && path.startsWith(ObjectStorage.BUCKET_PATH)) {
        return download(path.substring(ObjectStorage.BUCKET_PATH.length()));
      }
      if (bucketRoot || path.startsWith(ObjectStorage.BUCKET_PATH)) {
        throw new StorageException(
            405, "MethodNotAllowed", "The specified method is not allowed: " + request.method());
      }
      throw new StorageException(404, "NoSuchBucket", "The specified bucket does not exist");
    } catch (StorageException e) {
      return e.toResponse();
    }
  }

  private Response upload(Request request) {
    if (request.header("Authorization") != null) {
      throw new StorageException(
          400,
          "InvalidArgument",
          "Only one auth mechanism allowed; a presigned POST must not carry an Authorization"
              + " header");
    }
    if (!request.isMultipart()) {
      throw new StorageException(
          412,
          "PreconditionFailed",
          "Bucket POST must be of the enclosure-type multipart/form-data");
    }
    List<MultipartPart> parts = parts(request);
    int fileIndex = indexOfFile(parts);
    if (fileIndex < 0) {
      throw new StorageException(
          400, "InvalidArgument", "POST requires exactly one file upload per request.");
    }
    if (fileIndex != parts.size() - 1) {
      throw new StorageException(
          400,
          "InvalidArgument",
          "The file must be the last field of the form; fields after it are ignored: "
              + parts.subList(fileIndex + 1, parts.size()).stream()
                  .map(MultipartPart::name)
                  .toList());
    }
    Map<String, String> fields = new HashMap<>();
    parts
        .subList(0, fileIndex)
        .forEach(p -> fields.put(p.name().toLowerCase(Locale.ROOT), p.text()));
    for (String field : REQUIRED_FIELDS) {
      if (!fields.containsKey(field)) {
        throw new StorageException(
            400,
            "InvalidArgument",
            "Bucket POST must contain a field named '"
                + field
                + "'. If it is specified, please check the order of the fields.");
      }
    }
    MultipartPart file = parts.get(fileIndex);
    checkPolicy(fields, file.data().length);
    storage.put(fields.get("key"), file.contentType(), file.data());
    return Response.empty(204, Map.of("Location", storage.urlOf(fields.get("key"))));
  }

  private void checkPolicy(Map<String, String> fields, long size) {
    if (!Presign.ALGORITHM.equals(fields.get("x-amz-algorithm"))) {
      throw new StorageException(
          400, "InvalidArgument", "Unsupported x-amz-algorithm: " + fields.get("x-amz-algorithm"));
    }
    Optional<Presign> presign = storage.presignFor(fields.get("key"));
    if (presign.isEmpty() || !presign.get().policy().equals(fields.get("policy"))) {
      throw new StorageException(
          403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: key");
    }
    if (storage.isExpired(presign.get())) {
      throw new StorageException(
          403, "AccessDenied", "Invalid according to Policy: Policy expired.");
    }
    if (!storage.signatureMatches(fields.get("policy"), fields.get("x-amz-signature"))) {
      throw new StorageException(
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided.");
    }
    if (size > presign.get().maxBytes()) {
      throw new StorageException(
          400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    }
  }

  private Response download(String key) {
    ObjectStorage.StoredObject object =
        storage
            .get(key)
            .orElseThrow(
                () -> new StorageException(404, "NoSuchKey", "The specified key does not exist."));
    String type = object.contentType() == null ? "application/octet-stream" : object.contentType();
    return Response.bytes(200, type, object.data());
  }

  private static List<MultipartPart> parts(Request request) {
    try {
      return Multipart.parse(request);
    } catch (HttpProblemException e) {
      throw new StorageException(
          400, "MalformedPOSTRequest", "The body of your POST request is not well-formed.");
    }
  }

  private static int indexOfFile(List<MultipartPart> parts) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).name().equals("file")) {
        return i;
      }
    }
    return -1;
  }
}
