package dev.maigw.sdk.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Cuts the elements of a top-level array out of a JSON answer as the bytes MaiAgent sent, so a
 * listed message can be kept verbatim: parsing and writing it again would change escapes, number
 * spellings and key order.
 */
final class JsonSlices {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonSlices() {}

  /**
   * The elements of the array under {@code field} of the top-level object, each as its exact bytes;
   * empty when there is no such array.
   *
   * @throws ResponseShapeException if {@code json} is not JSON
   */
  static List<byte[]> arrayElements(byte[] json, String field) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return List.of();
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(field) && value == JsonToken.START_ARRAY) {
          return elements(parser, json);
        }
        parser.skipChildren();
      }
      return List.of();
    } catch (JacksonException e) {
      throw new ResponseShapeException("Body is not JSON.");
    }
  }

  private static List<byte[]> elements(JsonParser parser, byte[] json) {
    List<byte[]> elements = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int start = (int) parser.currentTokenLocation().getByteOffset();
      parser.skipChildren();
      int end = (int) parser.currentLocation().getByteOffset();
      elements.add(Arrays.copyOfRange(json, start, end));
    }
    return elements;
  }
}
