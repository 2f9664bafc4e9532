package dev.maigw.emulator.fault;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The emulator's run-time behaviour switches. {@link #none()} is well-behaved MaiAgent as
 * documented; each {@code with*} changes one thing. The timestamp, sender-id and citation variants
 * apply to webhook bodies only; API responses (receipts, {@code GET messages/}) always use the
 * canonical camelCase shapes.
 *
 * @param deliveryCopies how many times each webhook is sent (1 = once; 3 = twice duplicated)
 * @param extraDeliveryDelay added before the first attempt of every webhook
 * @param outOfOrderBatch 0 = in order; n &ge; 2 = hold replies until n are waiting, then send them
 *     newest first
 * @param timestampKey {@code createdAt} (camel) or {@code created_at} (snake) in webhooks
 * @param timestampFormat the webhook timestamp's value format
 * @param senderIdType the JSON type of a webhook's {@code sender.id}
 * @param citationShape the shape of webhook citations
 * @param citationNodes whether webhooks also carry the schema's {@code citationNodes} array
 * @param streamIdKey {@code conversationId} (camel) or {@code conversation_id} (snake) in SSE
 * @param streamDoneSentinel whether a completion stream ends with {@code data: [DONE]}
 * @param receiptDelay how long {@code POST messages/} waits before answering, while the reply is
 *     already on its way (so a webhook can overtake its receipt)
 * @param dropWebhooks while on, no webhook attempt reaches the receiver: each is recorded as failed
 *     (no status, as when the receiver is down) and retried on the schedule until it gives up, as
 *     MaiAgent does for a wrong webhook URL; the reply itself is still created and listed by {@code
 *     GET messages/}. Switching it off lets the remaining retries through.
 */
public record Faults(
    int deliveryCopies,
    Duration extraDeliveryDelay,
    int outOfOrderBatch,
    Casing timestampKey,
    TimestampFormat timestampFormat,
    SenderIdType senderIdType,
    CitationShape citationShape,
    boolean citationNodes,
    Casing streamIdKey,
    boolean streamDoneSentinel,
    Duration receiptDelay,
    boolean dropWebhooks) {

  public Faults {
    if (extraDeliveryDelay == null
        || timestampKey == null
        || timestampFormat == null
        || senderIdType == null
        || citationShape == null
        || streamIdKey == null
        || receiptDelay == null) {
      throw new InvalidFaultException("Every fault switch needs a value.");
    }
    if (deliveryCopies < 1) {
      throw new InvalidFaultException("Fault deliveryCopies must be at least 1: " + deliveryCopies);
    }
    if (outOfOrderBatch != 0 && outOfOrderBatch < 2) {
      throw new InvalidFaultException(
          "Fault outOfOrderBatch must be 0 (off) or at least 2: " + outOfOrderBatch);
    }
    requireNonNegative("extraDeliveryDelayMs", extraDeliveryDelay);
    requireNonNegative("receiptDelayMs", receiptDelay);
  }

  /** MaiAgent as documented: one in-order delivery, the doc's example shapes. */
  public static Faults none() {
    return new Faults(
        1,
        Duration.ZERO,
        0,
        Casing.CAMEL,
        TimestampFormat.MILLIS_STRING,
        SenderIdType.NUMBER,
        CitationShape.DOC,
        false,
        Casing.CAMEL,
        false,
        Duration.ZERO,
        false);
  }

  public Faults withDeliveryCopies(int copies) {
    return edit(b -> b.deliveryCopies = copies);
  }

  public Faults withExtraDeliveryDelay(Duration delay) {
    return edit(b -> b.extraDeliveryDelay = delay);
  }

  public Faults withOutOfOrderBatch(int batch) {
    return edit(b -> b.outOfOrderBatch = batch);
  }

  public Faults withTimestampKey(Casing key) {
    return edit(b -> b.timestampKey = key);
  }

  public Faults withTimestampFormat(TimestampFormat format) {
    return edit(b -> b.timestampFormat = format);
  }

  public Faults withSenderIdType(SenderIdType type) {
    return edit(b -> b.senderIdType = type);
  }

  public Faults withCitationShape(CitationShape shape) {
    return edit(b -> b.citationShape = shape);
  }

  public Faults withCitationNodes(boolean include) {
    return edit(b -> b.citationNodes = include);
  }

  public Faults withStreamIdKey(Casing key) {
    return edit(b -> b.streamIdKey = key);
  }

  public Faults withStreamDoneSentinel(boolean sentinel) {
    return edit(b -> b.streamDoneSentinel = sentinel);
  }

  public Faults withReceiptDelay(Duration delay) {
    return edit(b -> b.receiptDelay = delay);
  }

  public Faults withDropWebhooks(boolean drop) {
    return edit(b -> b.dropWebhooks = drop);
  }

  /** A copy with one switch changed by {@code change}; the copy is checked like any other. */
  private Faults edit(Consumer<Switches> change) {
    Switches switches = new Switches(this);
    change.accept(switches);
    return switches.toFaults();
  }

  /** The switches, one assignable field each, for {@link #edit}. */
  private static final class Switches {
    int deliveryCopies;
    Duration extraDeliveryDelay;
    int outOfOrderBatch;
    Casing timestampKey;
    TimestampFormat timestampFormat;
    SenderIdType senderIdType;
    CitationShape citationShape;
    boolean citationNodes;
    Casing streamIdKey;
    boolean streamDoneSentinel;
    Duration receiptDelay;
    boolean dropWebhooks;

    Switches(Faults faults) {
      deliveryCopies = faults.deliveryCopies;
      extraDeliveryDelay = faults.extraDeliveryDelay;
      outOfOrderBatch = faults.outOfOrderBatch;
      timestampKey = faults.timestampKey;
      timestampFormat = faults.timestampFormat;
      senderIdType = faults.senderIdType;
      citationShape = faults.citationShape;
      citationNodes = faults.citationNodes;
      streamIdKey = faults.streamIdKey;
      streamDoneSentinel = faults.streamDoneSentinel;
      receiptDelay = faults.receiptDelay;
      dropWebhooks = faults.dropWebhooks;
    }

    Faults toFaults() {
      return new Faults(
          deliveryCopies,
          extraDeliveryDelay,
          outOfOrderBatch,
          timestampKey,
          timestampFormat,
          senderIdType,
          citationShape,
          citationNodes,
          streamIdKey,
          streamDoneSentinel,
          receiptDelay,
          dropWebhooks);
    }
  }

  private static void requireNonNegative(String fault, Duration value) {
    if (value == null || value.isNegative()) {
      throw new InvalidFaultException("Fault " + fault + " must be zero or more: " + value);
    }
  }
}
