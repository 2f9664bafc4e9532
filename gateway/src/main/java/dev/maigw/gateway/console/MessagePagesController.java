package dev.maigw.gateway.console;

import dev.maigw.gateway.message.ConversationSummary;
import dev.maigw.gateway.message.MessageSearch;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Message search (newest first, by cursor) and the conversation list. */
@Controller
class MessagePagesController {

  static final int PAGE_SIZE = 50;

  private final MessageStore messages;

  MessagePagesController(MessageStore messages) {
    this.messages = messages;
  }

  @GetMapping("/console/messages")
  String messages(
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String before,
      Model model) {
    MessageSearch search =
        new MessageSearch(
            ConsoleParams.text(conversation),
            ConsoleParams.text(type),
            ConsoleParams.time("from", from),
            ConsoleParams.time("to", to),
            ConsoleParams.text(q),
            outcome(outcome));
    List<StoredMessage> page =
        messages.search(search, ConsoleParams.cursor(before, Long.MAX_VALUE), PAGE_SIZE);
    model.addAttribute("search", search);
    model.addAttribute("fromValue", ConsoleParams.formValue(search.receivedFrom()));
    model.addAttribute("toValue", ConsoleParams.formValue(search.receivedBefore()));
    model.addAttribute("outcome", outcome == null ? "" : outcome);
    model.addAttribute("page", page);
    model.addAttribute("next", page.size() < PAGE_SIZE ? null : page.get(page.size() - 1).seq());
    return "console/messages";
  }

  @GetMapping("/console/conversations")
  String conversations(@RequestParam(required = false) String before, Model model) {
    List<ConversationSummary> page =
        messages.conversations(ConsoleParams.cursor(before, Long.MAX_VALUE), PAGE_SIZE);
    model.addAttribute("page", page);
    model.addAttribute(
        "next", page.size() < PAGE_SIZE ? null : page.get(page.size() - 1).lastSeq());
    return "console/conversations";
  }

  private static MessageSearch.Outcome outcome(String value) {
    String text = ConsoleParams.text(value);
    if (text == null) {
      return null;
    }
    try {
      return MessageSearch.Outcome.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "outcome must be stored_once, duplicated or conflicted.");
    }
  }
}
