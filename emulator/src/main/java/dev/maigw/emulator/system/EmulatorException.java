package dev.maigw.emulator.system;

/** Root of the emulator's unchecked exceptions. */
public class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmulatorException(String message) {
    super(message);
  }

  public EmulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
