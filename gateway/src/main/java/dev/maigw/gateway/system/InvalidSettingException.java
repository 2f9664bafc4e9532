package dev.maigw.gateway.system;

/**
 * A configuration value the gateway cannot start with. Carries the variable to change, what is
 * wrong with its value and how to fix it, so that the start fails with one readable line instead of
 * a stack trace (see {@link InvalidSettingFailureAnalyzer}). Never put a secret value in it.
 */
public class InvalidSettingException extends IllegalArgumentException {

  private final String variable;
  private final String fix;

  /**
   * @param variable the environment variable (or property) to change, e.g. {@code
   *     MAIGW_WEBHOOK_TOKENS}
   * @param problem what is wrong with the value, e.g. "an entry has 8 characters, fewer than 22"
   * @param fix what to do, e.g. "use at least 22 random characters"
   */
  public InvalidSettingException(String variable, String problem, String fix) {
    this(variable, problem, fix, null);
  }

  public InvalidSettingException(String variable, String problem, String fix, Throwable cause) {
    super(variable + ": " + problem + ". Fix: " + fix + ".", cause);
    this.variable = variable;
    this.fix = fix;
  }

  public String variable() {
    return variable;
  }

  public String fix() {
    return fix;
  }
}
