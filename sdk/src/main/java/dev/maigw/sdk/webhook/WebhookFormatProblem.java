package dev.maigw.sdk.webhook;

/**
 * Why a webhook body was rejected. Syntax problems mean the bytes are not one acceptable JSON
 * object (HTTP 400); schema problems mean the object lacks a required field or holds one of an
 * impossible type (HTTP 422). The {@link #code()} is stable and safe to expose to clients.
 */
public enum WebhookFormatProblem {
  /** The body is empty or holds only whitespace. */
  EMPTY_BODY("empty_body"),
  /** The body is not well-formed JSON, or has content after the top-level value. */
  MALFORMED_JSON("malformed_json"),
  /** The body is not valid UTF-8. */
  INVALID_ENCODING("invalid_encoding"),
  /** The top-level value is not an object. */
  NOT_AN_OBJECT("not_an_object"),
  /** An object names the same property twice. */
  DUPLICATE_KEY("duplicate_key"),
  /** Nesting depth, a number, or a property name exceeds {@link ReaderLimits}. */
  LIMIT_EXCEEDED("limit_exceeded"),
  /** A required field is absent or null. */
  MISSING_FIELD("missing_field"),
  /** A field has a type it can never have, e.g. {@code content} is an object. */
  INVALID_FIELD("invalid_field"),
  /** A message or conversation id is empty, blank, too long or holds a control character. */
  INVALID_ID("invalid_id");

  private final String code;

  WebhookFormatProblem(String code) {
    this.code = code;
  }

  /** Returns the stable machine code, e.g. {@code duplicate_key}. */
  public String code() {
    return code;
  }

  /** Tells whether this is a syntax problem (400) rather than a schema problem (422). */
  public boolean isSyntax() {
    return switch (this) {
      case MISSING_FIELD, INVALID_FIELD, INVALID_ID -> false;
      default -> true;
    };
  }
}
