package dev.maigw.emulator.message;

import dev.maigw.emulator.conversation.ConversationStore;
import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET messages/?conversation=&cursor=&pageSize=}: DRF cursor pagination, {@code {next,
 * previous, results}}, newest message first, absolute {@code next}/{@code previous} URLs with an
 * opaque {@code cursor}.
 */
final class MessagePages {
  static final int DEFAULT_PAGE_SIZE = 20;
  private static final int MAX_PAGE_SIZE = 100;

  private MessagePages() {}

  static Response list(Request request, MessageStore messages, ConversationStore conversations) {
    String conversation = request.query("conversation");
    if (conversation != null && conversations.find(conversation).isEmpty()) {
      throw new FieldErrors()
          .add(
              "conversation",
              "Select a valid choice. That choice is not one of the available choices.")
          .toException();
    }
    List<Message> newestFirst = new ArrayList<>(messages.list(conversation));
    Collections.reverse(newestFirst);
    int pageSize = pageSize(request.query("pageSize"));
    int offset = decodeCursor(request.query("cursor"));
    int to = Math.min(offset + pageSize, newestFirst.size());
    String base = request.origin() + request.path() + "?" + filter(conversation);
    ObjectNode body = Json.object();
    body.put("next", to < newestFirst.size() ? base + page(to, pageSize) : null);
    body.put("previous", offset > 0 ? base + page(Math.max(0, offset - pageSize), pageSize) : null);
    ArrayNode results = body.putArray("results");
    if (offset < newestFirst.size()) {
      newestFirst.subList(offset, to).forEach(message -> results.add(MessageJson.api(message)));
    }
    return Response.json(200, body);
  }

  private static String filter(String conversation) {
    return conversation == null
        ? ""
        : "conversation=" + URLEncoder.encode(conversation, StandardCharsets.UTF_8) + "&";
  }

  private static String page(int offset, int pageSize) {
    String cursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("o=" + offset).getBytes(StandardCharsets.UTF_8));
    return "cursor=" + cursor + "&pageSize=" + pageSize;
  }

  private static int decodeCursor(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (decoded.matches("o=\\d{1,9}")) {
        return Integer.parseInt(decoded.substring(2));
      }
    } catch (IllegalArgumentException e) {
      // Not base64: answered below like any other unusable cursor.
    }
    throw HttpProblemException.detail(404, "Invalid cursor");
  }

  private static int pageSize(String value) {
    try {
      int parsed = value == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(value.trim());
      return parsed < 1 ? DEFAULT_PAGE_SIZE : Math.min(parsed, MAX_PAGE_SIZE);
    } catch (NumberFormatException e) {
      return DEFAULT_PAGE_SIZE;
    }
  }
}
