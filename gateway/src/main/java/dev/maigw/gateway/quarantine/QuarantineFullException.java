package dev.maigw.gateway.quarantine;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;

/** The quarantine is at its row or byte cap; the body was not kept. Answered with 503. */
public class QuarantineFullException extends GatewayException {

  public QuarantineFullException(int rows, long bytes) {
    super(
        Problem.QUARANTINE_FULL,
        "The quarantine is full (" + rows + " bodies, " + bytes + " bytes); body not kept.");
  }
}
