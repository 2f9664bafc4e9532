package dev.maigw.emulator.inbox;

import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET inboxes/?page=&pageSize=&channelType=}: DRF page-number pagination, {@code {count,
 * next, previous, results}} with absolute URLs built from the request's Host.
 */
public final class InboxController {
  /** Page size when {@code pageSize} is absent. */
  static final int DEFAULT_PAGE_SIZE = 10;

  private static final int MAX_PAGE_SIZE = 100;

  private final InboxDirectory directory;

  public InboxController(InboxDirectory directory) {
    this.directory = directory;
  }

  public void register(Router router, String prefix) {
    router.add("GET", prefix + "inboxes/", this::list);
  }

  Response list(Request request) {
    String channelType = request.query("channelType");
    List<Inbox> matching =
        directory.all().stream()
            .filter(inbox -> channelType == null || inbox.channelType().equals(channelType))
            .toList();
    int pageSize = Math.min(pageSize(request.query("pageSize")), MAX_PAGE_SIZE);
    int page = page(request.query("page"));
    int from = (page - 1) * pageSize;
    if (page > 1 && from >= matching.size()) {
      throw HttpProblemException.detail(404, "Invalid page.");
    }
    int to = Math.min(from + pageSize, matching.size());
    ObjectNode body = Json.object().put("count", matching.size());
    String base = request.origin() + request.path() + "?";
    String filter =
        channelType == null
            ? ""
            : "&channelType=" + URLEncoder.encode(channelType, StandardCharsets.UTF_8);
    body.put("next", to < matching.size() ? pageUrl(base, page + 1, pageSize, filter) : null);
    body.put("previous", page > 1 ? pageUrl(base, page - 1, pageSize, filter) : null);
    ArrayNode results = body.putArray("results");
    matching.subList(from, to).forEach(inbox -> results.add(inbox.toJson()));
    return Response.json(200, body);
  }

  private static String pageUrl(String base, int page, int pageSize, String filter) {
    return base + "page=" + page + "&pageSize=" + pageSize + filter;
  }

  private static int page(String value) {
    if (value == null || value.isBlank()) {
      return 1;
    }
    int parsed = parseOrZero(value);
    if (parsed < 1) {
      // DRF answers an unparsable page number the same way as one out of range.
      throw HttpProblemException.detail(404, "Invalid page.");
    }
    return parsed;
  }

  private static int pageSize(String value) {
    // DRF ignores an unusable page size and falls back to the default.
    int parsed = value == null ? 0 : parseOrZero(value);
    return parsed < 1 ? DEFAULT_PAGE_SIZE : parsed;
  }

  private static int parseOrZero(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
