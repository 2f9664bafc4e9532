package dev.maigw.gateway.console;

import dev.maigw.gateway.delivery.Delivery;
import dev.maigw.gateway.delivery.DeliveryAdmin;
import dev.maigw.gateway.delivery.Target;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Deliveries by status, target and time; one delivery's attempts; replay of one dead delivery, and
 * of every dead delivery matching filters after a preview of how many that is.
 */
@Controller
class DeliveryPagesController {

  static final int PAGE_SIZE = 50;
  private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");

  private final DeliveryAdmin admin;
  private final MessageStore messages;

  DeliveryPagesController(DeliveryAdmin admin, MessageStore messages) {
    this.admin = admin;
    this.messages = messages;
  }

  @GetMapping("/console/deliveries")
  String deliveries(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String before,
      Model model) {
    String only = ConsoleParams.text(status);
    if (only != null && !STATUSES.contains(only)) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "status must be one of pending, delivered, dead.");
    }
    Instant fromTime = ConsoleParams.time("from", from);
    Instant toTime = ConsoleParams.time("to", to);
    Instant page = ConsoleParams.time("before", before);
    Instant until = page != null && (toTime == null || page.isBefore(toTime)) ? page : toTime;
    List<Delivery> found =
        admin.deliveries(ConsoleParams.text(target), only, fromTime, until, PAGE_SIZE);
    model.addAttribute("status", only == null ? "" : only);
    model.addAttribute("target", target == null ? "" : target);
    model.addAttribute("fromValue", ConsoleParams.formValue(fromTime));
    model.addAttribute("toValue", ConsoleParams.formValue(toTime));
    model.addAttribute("page", found);
    model.addAttribute("targets", targetsById());
    model.addAttribute(
        "next", found.size() < PAGE_SIZE ? null : found.get(found.size() - 1).createdAt());
    return "console/deliveries";
  }

  @GetMapping("/console/deliveries/{id}")
  String delivery(@PathVariable String id, Model model) {
    Delivery delivery =
        admin
            .delivery(id)
            .orElseThrow(
                () -> new GatewayException(Problem.NOT_FOUND, "No delivery with this id."));
    model.addAttribute("delivery", delivery);
    model.addAttribute("target", admin.target(delivery.targetId()).orElse(null));
    model.addAttribute(
        "message",
        messages.findBySeqs(List.of(delivery.messageSeq())).stream().findFirst().orElse(null));
    model.addAttribute("attempts", admin.attempts(id));
    return "console/delivery";
  }

  @PostMapping("/console/deliveries/{id}/replay")
  String replay(@PathVariable String id) {
    admin.replay(id);
    return "redirect:/console/deliveries/" + Display.pathSegment(id) + "?replayed=1";
  }

  /** The preview: how many dead deliveries match, with a button to replay them. */
  @GetMapping("/console/deliveries/replay")
  String replayPreview(
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String since,
      Model model) {
    Instant from = ConsoleParams.time("since", since);
    model.addAttribute(
        "count",
        admin.countDead(ConsoleParams.text(target), ConsoleParams.text(conversation), from));
    model.addAttribute("target", target == null ? "" : target);
    model.addAttribute("conversation", conversation == null ? "" : conversation);
    model.addAttribute("since", ConsoleParams.formValue(from));
    model.addAttribute("targets", targetsById());
    return "console/replay";
  }

  @PostMapping("/console/deliveries/replay")
  String replayDead(
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String since,
      Model model) {
    int replayed =
        admin.replayDead(
            ConsoleParams.text(target),
            ConsoleParams.text(conversation),
            ConsoleParams.time("since", since));
    model.addAttribute("replayed", replayed);
    model.addAttribute("target", target == null ? "" : target);
    model.addAttribute("conversation", conversation == null ? "" : conversation);
    model.addAttribute("since", since == null ? "" : since);
    model.addAttribute("targets", targetsById());
    model.addAttribute("count", 0L);
    return "console/replay";
  }

  private Map<String, Target> targetsById() {
    return admin.targets().stream().collect(Collectors.toMap(Target::id, Function.identity()));
  }
}
