package dev.maigw.emulator.fault;

import java.util.Locale;

/**
 * Which spelling of a two-word field MaiAgent uses: the docs show both {@code createdAt} and {@code
 * created_at} for webhooks, {@code conversationId} and {@code conversation_id} for SSE.
 */
public enum Casing implements WireToken {
  CAMEL("camel", "createdAt", "conversationId", "camelCase"),
  SNAKE("snake", "created_at", "conversation_id", "snake_case");

  private final String token;
  private final String[] aliases;

  Casing(String token, String... aliases) {
    this.token = token;
    this.aliases = aliases;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public String[] aliases() {
    return aliases.clone();
  }

  /** {@code camel} as given, or converted to snake case ({@code createdAt -> created_at}). */
  public String spell(String camel) {
    return this == CAMEL
        ? camel
        : camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
