package dev.maigw.emulator.access;

import dev.maigw.emulator.system.ConfigurationException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Response;
import java.util.Map;

/**
 * What the API answers for a known path sent without its trailing slash. MaiAgent's behaviour is
 * undocumented; a Django server answers either 404 or a 301 to the slashed path.
 */
public enum SlashlessMode {
  /** 404 with a JSON body naming the path and the slashed form. */
  NOT_FOUND,
  /** 301 to the slashed path (the method and body are not carried over by most clients). */
  REDIRECT;

  /** Reads "404" or "301" (the setting's values). */
  public static SlashlessMode parse(String value) {
    return switch (value.trim()) {
      case "404", "not-found" -> NOT_FOUND;
      case "301", "redirect" -> REDIRECT;
      default ->
          throw new ConfigurationException(
              "MAIAGENT_EMULATOR_SLASHLESS must be 404 or 301: " + value);
    };
  }

  /**
   * @param path the raw path as requested, without its slash
   * @param query the raw query, or null
   */
  public Response answer(String path, String query) {
    String slashed = path + "/" + (query == null ? "" : "?" + query);
    if (this == REDIRECT) {
      return Response.json(
          301,
          Json.object().put("detail", "Moved permanently.").put("location", slashed),
          Map.of("Location", slashed));
    }
    return Response.json(
        404,
        Json.object()
            .put("detail", "Not found.")
            .put("path", path)
            .put(
                "hint",
                "MaiAgent API paths end with a slash; this emulator answers 404 without it. Use "
                    + path
                    + "/"));
  }
}
