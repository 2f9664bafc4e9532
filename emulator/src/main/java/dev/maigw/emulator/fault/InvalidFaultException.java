package dev.maigw.emulator.fault;

import dev.maigw.emulator.system.EmulatorException;

/** A fault switch was given a value it does not know; the message names switch and value. */
public class InvalidFaultException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public InvalidFaultException(String message) {
    super(message);
  }
}
