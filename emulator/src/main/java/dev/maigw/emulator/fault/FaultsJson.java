package dev.maigw.emulator.fault;

import dev.maigw.emulator.system.Json;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control API's JSON for faults. Reading is a partial update: only the switches present change.
 * Unknown switches and values are refused, so a typo never silently does nothing.
 */
public final class FaultsJson {
  private static final String KNOWN =
      "deliveryCopies, extraDeliveryDelayMs, outOfOrderBatch, timestampKey, timestampFormat,"
          + " senderIdType, citationShape, citationNodes, streamIdKey, streamDoneSentinel,"
          + " receiptDelayMs, dropWebhooks, apiError";

  private FaultsJson() {}

  /** What a control-API update asks for; {@code apiError} is null when it was not mentioned. */
  public record Update(Faults faults, ApiErrorPlan apiError) {}

  public static ObjectNode render(Faults faults, ApiErrorPlan apiError) {
    ObjectNode node = Json.object();
    node.put("deliveryCopies", faults.deliveryCopies());
    node.put("extraDeliveryDelayMs", faults.extraDeliveryDelay().toMillis());
    node.put("outOfOrderBatch", faults.outOfOrderBatch());
    node.put("timestampKey", faults.timestampKey().spell("createdAt"));
    node.put("timestampFormat", faults.timestampFormat().token());
    node.put("senderIdType", faults.senderIdType().token());
    node.put("citationShape", faults.citationShape().token());
    node.put("citationNodes", faults.citationNodes());
    node.put("streamIdKey", faults.streamIdKey().spell("conversationId"));
    node.put("streamDoneSentinel", faults.streamDoneSentinel());
    node.put("receiptDelayMs", faults.receiptDelay().toMillis());
    node.put("dropWebhooks", faults.dropWebhooks());
    ObjectNode error = node.putObject("apiError");
    error.put("status", apiError.status());
    error.put("count", apiError.count());
    error.put("path", apiError.path());
    error.set("body", apiError.effectiveBody());
    return node;
  }

  /**
   * Applies the switches present in {@code patch} to {@code base}.
   *
   * @throws InvalidFaultException for an unknown switch or value
   */
  public static Update read(Faults base, JsonNode patch) {
    if (!patch.isObject()) {
      throw new InvalidFaultException("Faults must be a JSON object with any of: " + KNOWN);
    }
    Faults faults = base;
    ApiErrorPlan apiError = null;
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      JsonNode value = entry.getValue();
      faults =
          switch (entry.getKey()) {
            case "deliveryCopies" -> faults.withDeliveryCopies(integer(entry.getKey(), value));
            case "extraDeliveryDelayMs" -> faults.withExtraDeliveryDelay(millis(entry, value));
            case "outOfOrderBatch" -> faults.withOutOfOrderBatch(integer(entry.getKey(), value));
            case "timestampKey" -> faults.withTimestampKey(token(Casing.class, entry));
            case "timestampFormat" ->
                faults.withTimestampFormat(token(TimestampFormat.class, entry));
            case "senderIdType" -> faults.withSenderIdType(token(SenderIdType.class, entry));
            case "citationShape" -> faults.withCitationShape(token(CitationShape.class, entry));
            case "citationNodes" -> faults.withCitationNodes(bool(entry.getKey(), value));
            case "streamIdKey" -> faults.withStreamIdKey(token(Casing.class, entry));
            case "streamDoneSentinel" -> faults.withStreamDoneSentinel(bool(entry.getKey(), value));
            case "receiptDelayMs" -> faults.withReceiptDelay(millis(entry, value));
            case "dropWebhooks" -> faults.withDropWebhooks(bool(entry.getKey(), value));
            case "apiError" -> {
              apiError = apiError(value);
              yield faults;
            }
            default ->
                throw new InvalidFaultException(
                    "Unknown fault: " + entry.getKey() + "; known faults are " + KNOWN);
          };
    }
    return new Update(faults, apiError);
  }

  private static ApiErrorPlan apiError(JsonNode value) {
    if (value.isNull()) {
      return ApiErrorPlan.of(500, 0);
    }
    if (!value.isObject()) {
      throw new InvalidFaultException(
          "Fault apiError must be an object {status, count, path?, body?} or null");
    }
    JsonNode status = value.get("status");
    JsonNode count = value.get("count");
    return new ApiErrorPlan(
        status == null ? 500 : integer("apiError.status", status),
        count == null ? 1 : integer("apiError.count", count),
        Json.text(value, "path"),
        value.get("body"));
  }

  private static int integer(String fault, JsonNode value) {
    if (value.canConvertToInt() && value.isIntegralNumber()) {
      return value.intValue();
    }
    if (value.isString() && value.stringValue().matches("-?\\d{1,9}")) {
      return Integer.parseInt(value.stringValue());
    }
    throw new InvalidFaultException("Fault " + fault + " must be an integer: " + value);
  }

  private static Duration millis(Map.Entry<String, JsonNode> entry, JsonNode value) {
    return Duration.ofMillis(integer(entry.getKey(), value));
  }

  private static boolean bool(String fault, JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    throw new InvalidFaultException("Fault " + fault + " must be true or false: " + value);
  }

  private static <E extends Enum<E> & WireToken> E token(
      Class<E> type, Map.Entry<String, JsonNode> entry) {
    String text = Json.scalarText(entry.getValue());
    if (text == null) {
      throw new InvalidFaultException("Fault " + entry.getKey() + " must be a string");
    }
    return WireToken.parse(type, entry.getKey(), text);
  }
}
