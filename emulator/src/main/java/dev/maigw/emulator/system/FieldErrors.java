package dev.maigw.emulator.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collects DRF-style validation errors ({@code {"field": ["message"]}}) and throws them as one 400,
 * the shape MaiAgent documents for bad requests.
 */
public final class FieldErrors {
  public static final String REQUIRED = "This field is required.";
  public static final String BLANK = "This field may not be blank.";

  private final ObjectNode errors = Json.object();

  public FieldErrors add(String field, String message) {
    JsonNode existing = errors.get(field);
    ArrayNode messages = existing instanceof ArrayNode array ? array : errors.putArray(field);
    messages.add(message);
    return this;
  }

  /**
   * Reads a required, non-blank text field under its documented name or an alias (the other
   * casing); records an error and returns null when absent or blank.
   */
  public String requireText(JsonNode body, String field, String... aliases) {
    String[] names = new String[aliases.length + 1];
    names[0] = field;
    System.arraycopy(aliases, 0, names, 1, aliases.length);
    String value = Json.text(body, names);
    if (value == null) {
      add(field, REQUIRED);
    } else if (value.isBlank()) {
      add(field, BLANK);
      return null;
    }
    return value;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * @throws HttpProblemException 400 with all collected errors, if any
   */
  public void throwIfAny() {
    if (!isEmpty()) {
      throw toException();
    }
  }

  /** The 400 carrying the collected errors, for callers that throw it themselves. */
  public HttpProblemException toException() {
    return new HttpProblemException(400, errors.deepCopy());
  }
}
