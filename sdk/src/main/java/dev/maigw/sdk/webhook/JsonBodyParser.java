package dev.maigw.sdk.webhook;

import java.util.Locale;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The syntax stage: turns body bytes into one JSON object or throws a syntax {@link
 * WebhookFormatProblem}. Thread-safe once built.
 */
final class JsonBodyParser {

  /** Longest token Jackson quotes in its own error messages. */
  private static final int MAX_ERROR_TOKEN_LENGTH = 40;

  private final JsonMapper mapper;
  private final JacksonFailures failures;

  JsonBodyParser(ReaderLimits limits) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxNumberLength(limits.maxNumberLength())
            .maxNameLength(limits.maxNameLength())
            // The caller caps the body size, so strings and documents need no cap of their own.
            .maxStringLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .errorReportConfiguration(
                ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(MAX_ERROR_TOKEN_LENGTH)
                    .maxRawContentLength(0)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    this.failures = new JacksonFailures(limits);
  }

  /**
   * Parses the body into its top-level object.
   *
   * @throws WebhookFormatException with a syntax problem if the body is not one JSON object
   */
  ObjectNode parse(byte[] body) {
    if (body.length == 0) {
      throw new WebhookFormatException(WebhookFormatProblem.EMPTY_BODY, "Body is empty.");
    }
    checkEncoding(body);
    if (isBlank(body)) {
      throw new WebhookFormatException(
          WebhookFormatProblem.EMPTY_BODY, "Body holds only whitespace.");
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JacksonException e) {
      throw failures.toFormatException(e, body);
    }
    if (root == null || root.isMissingNode()) {
      throw new WebhookFormatException(
          WebhookFormatProblem.EMPTY_BODY, "Body holds no JSON value.");
    }
    if (!root.isObject()) {
      throw new WebhookFormatException(
          WebhookFormatProblem.NOT_AN_OBJECT,
          "Body must be a JSON object, not " + JsonTypes.describe(root) + ".");
    }
    return (ObjectNode) root;
  }

  private static void checkEncoding(byte[] body) {
    if (Utf8.looksLikeUtf16Or32(body)) {
      throw new WebhookFormatException(
          WebhookFormatProblem.INVALID_ENCODING,
          "Body is not UTF-8: it looks like UTF-16 or UTF-32.");
    }
    int invalid = Utf8.firstInvalidOffset(body);
    if (invalid >= 0) {
      throw new WebhookFormatException(
          WebhookFormatProblem.INVALID_ENCODING,
          String.format(
              Locale.ROOT,
              "Body is not valid UTF-8: byte 0x%02X at offset %d does not start a valid sequence.",
              body[invalid] & 0xFF,
              invalid));
    }
  }

  /** Tells whether the body is only a byte order mark and JSON whitespace. */
  private static boolean isBlank(byte[] body) {
    for (int i = Utf8.startsWithBom(body) ? 3 : 0; i < body.length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
