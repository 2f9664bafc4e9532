package dev.maigw.emulator.attachment;

import dev.maigw.emulator.system.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/** The fake bucket: issued presigns and uploaded objects, by key. Thread-safe. */
public final class ObjectStorage {
  /** The bucket's path under the emulator's origin. */
  public static final String BUCKET_PATH = "/storage/maiagent-media/";

  private static final Duration PRESIGN_LIFETIME = Duration.ofHours(1);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final byte[] SECRET = "emulator-storage-secret".getBytes(StandardCharsets.UTF_8);

  private final Clock clock;
  private final String origin;
  private final Map<String, Presign> presigns = new ConcurrentHashMap<>();
  private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

  /** An uploaded file. */
  public record StoredObject(String key, String contentType, byte[] data) {}

  /**
   * @param origin the emulator's own {@code http://127.0.0.1:port}, used in every URL
   */
  public ObjectStorage(Clock clock, String origin) {
    this.clock = clock;
    this.origin = origin;
  }

  /**
   * Issues a presigned POST for one file.
   *
   * @param modelName "attachment" or "chatbot-file"; chooses the key's folder
   */
  public Presign presign(String modelName, String filename, long fileSize) {
    String folder =
        modelName.equals("chatbot-file") ? "media/chatbot-file/" : "media/chat/attachment/";
    String key = folder + UUID.randomUUID() + "/" + safeName(filename);
    Instant now = clock.instant();
    String amzDate = AMZ_DATE.format(now);
    String credential =
        "EMULATORACCESSKEY/" + amzDate.substring(0, 8) + "/ap-northeast-1/s3/aws4_request";
    ObjectNode policy = Json.object().put("expiration", now.plus(PRESIGN_LIFETIME).toString());
    policy
        .putArray("conditions")
        .add(Json.object().put("bucket", "maiagent-media"))
        .add(Json.object().put("key", key))
        .add(Json.array().add("content-length-range").add(0).add(fileSize));
    String encodedPolicy = Base64.getEncoder().encodeToString(Json.bytes(policy));
    Presign presign =
        new Presign(
            origin + BUCKET_PATH,
            key,
            credential,
            amzDate,
            encodedPolicy,
            sign(encodedPolicy),
            fileSize,
            now.plus(PRESIGN_LIFETIME));
    presigns.put(key, presign);
    return presign;
  }

  public Optional<Presign> presignFor(String key) {
    return Optional.ofNullable(presigns.get(key));
  }

  public void put(String key, String contentType, byte[] data) {
    objects.put(key, new StoredObject(key, contentType, data));
  }

  public Optional<StoredObject> get(String key) {
    return Optional.ofNullable(objects.get(key));
  }

  /** The URL a stored key is served at. */
  public String urlOf(String key) {
    StringBuilder url = new StringBuilder(origin).append(BUCKET_PATH);
    String[] segments = key.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      url.append(i == 0 ? "" : "/")
          .append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }

  /** A file name safe to use as the last key segment. */
  static String safeName(String filename) {
    String name = filename == null || filename.isBlank() ? "file" : filename.trim();
    return name.replace('/', '_').replace('\\', '_');
  }

  /** Stores a file directly (one-shot uploads) and returns its key. */
  public String putNew(String folder, String filename, String contentType, byte[] data) {
    String key = folder + UUID.randomUUID() + "/" + safeName(filename);
    put(key, contentType, data);
    return key;
  }

  public boolean isExpired(Presign presign) {
    return clock.instant().isAfter(presign.expiresAt());
  }

  public boolean signatureMatches(String policy, String signature) {
    return sign(policy).equals(signature);
  }

  public void clear() {
    presigns.clear();
    objects.clear();
  }

  private static String sign(String policy) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(policy.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }
}
