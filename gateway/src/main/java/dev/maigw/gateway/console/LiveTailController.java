package dev.maigw.gateway.console;

import dev.maigw.gateway.message.MessageSearch;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live tail: a page whose script follows {@code /api/stream} from the newest stored message on,
 * so new replies appear without a reload (the stream accepts the console's session cookie).
 */
@Controller
class LiveTailController {

  private final MessageStore messages;

  LiveTailController(MessageStore messages) {
    this.messages = messages;
  }

  @GetMapping("/console/live")
  String live(@RequestParam(required = false) String conversation, Model model) {
    String only = ConsoleParams.text(conversation);
    List<StoredMessage> newest =
        messages.search(new MessageSearch(only, null, null, null, null, null), Long.MAX_VALUE, 1);
    model.addAttribute("after", newest.isEmpty() ? 0 : newest.get(0).seq());
    model.addAttribute("conversation", only == null ? "" : only);
    return "console/live";
  }
}
