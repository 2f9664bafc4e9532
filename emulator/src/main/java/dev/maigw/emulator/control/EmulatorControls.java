package dev.maigw.emulator.control;

import dev.maigw.emulator.delivery.DeliveryRecord;
import dev.maigw.emulator.fault.ApiErrorPlan;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.system.RecordedRequest;
import java.net.URI;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What can be switched and inspected on a running emulator, over HTTP or in-process. */
public interface EmulatorControls {

  /** The API base URL, ending in {@code /api/v1/}. */
  URI baseUrl();

  Faults faults();

  /**
   * Replaces the faults. Switching the out-of-order fault off releases the replies it holds.
   *
   * @return the faults now in effect
   */
  Faults setFaults(Faults faults);

  /** The current API-error injection; its {@code count} is what is left. */
  ApiErrorPlan apiErrors();

  /** Makes the next {@code plan.count()} matching API calls fail with {@code plan.status()}. */
  void failNextApiCalls(ApiErrorPlan plan);

  /** Every webhook delivery with its attempts, oldest first. */
  List<DeliveryRecord> deliveries();

  /** Every API and storage request received, oldest first. */
  List<RecordedRequest> requests();

  /**
   * Sends an assistant reply with this content to the webhook now, under the current faults.
   *
   * @return the new message's id
   */
  String pushReply(String conversation, String content);

  /**
   * Sends {@code body} verbatim to the webhook now (for tolerance tests).
   *
   * @return the delivery ids
   */
  List<String> pushWebhook(JsonNode body);

  /**
   * Sends replies held by the out-of-order fault now, newest first.
   *
   * @return how many replies were released
   */
  int releaseHeldReplies();

  URI webhookUrl();

  /**
   * Points webhooks at another URL.
   *
   * @throws dev.maigw.emulator.system.ConfigurationException unless it is a loopback http(s) URL
   */
  URI setWebhookUrl(String url);

  /**
   * Forgets conversations, messages, attachments, deliveries (pending ones are dropped), recorded
   * requests, faults and API-error injection. Inboxes and configuration stay.
   */
  void reset();
}
