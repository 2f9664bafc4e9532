package dev.maigw.emulator.fault;

/** Which documented shape webhook citations take (docs/maiagent-api.md §2.3, §2.6 W5). */
public enum CitationShape implements WireToken {
  /** The webhook doc's shape, with {@code document}. */
  DOC("doc"),
  /** The server schema's shape, with {@code chatbotFileContent} and {@code parser}. */
  OAS("oas"),
  /** An empty {@code citations} array. */
  NONE("none");

  private final String token;

  CitationShape(String token) {
    this.token = token;
  }

  @Override
  public String token() {
    return token;
  }
}
