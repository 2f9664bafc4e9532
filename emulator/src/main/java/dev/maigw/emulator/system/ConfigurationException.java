package dev.maigw.emulator.system;

/** A setting the emulator refuses to start (or switch) with; the message says which and why. */
public class ConfigurationException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
