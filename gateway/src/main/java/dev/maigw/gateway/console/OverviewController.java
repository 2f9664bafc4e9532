package dev.maigw.gateway.console;

import dev.maigw.gateway.bridge.BridgeActivity;
import dev.maigw.gateway.delivery.DeliveryAdmin;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.quarantine.QuarantineStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview: what the webhook endpoint did (per outcome), how fast replies arrive, how
 * forwarding goes, what sits in quarantine and how many bridge sends wait for a reply.
 */
@Controller
class OverviewController {

  private final MessageStore messages;
  private final QuarantineStore quarantine;
  private final DeliveryAdmin deliveries;
  private final BridgeActivity bridge;
  private final Clock clock;

  OverviewController(
      MessageStore messages,
      QuarantineStore quarantine,
      DeliveryAdmin deliveries,
      BridgeActivity bridge,
      Clock clock) {
    this.messages = messages;
    this.quarantine = quarantine;
    this.deliveries = deliveries;
    this.bridge = bridge;
    this.clock = clock;
  }

  @GetMapping("/console/")
  String overview(Model model) {
    Instant now = clock.instant();
    model.addAttribute("outcomes", messages.outcomeCounts());
    model.addAttribute("lastMinute", messages.receivedSince(now.minus(Duration.ofMinutes(1))));
    model.addAttribute("lastHour", messages.receivedSince(now.minus(Duration.ofHours(1))));
    model.addAttribute("deliveries", DeliveryTotals.of(deliveries.countsByStatus()));
    model.addAttribute("quarantine", quarantine.fill());
    model.addAttribute("sendsWaiting", bridge.waiting());
    model.addAttribute("now", now);
    return "console/overview";
  }
}
