package dev.maigw.gateway.backup;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;

/** A backup request that cannot be carried out as asked; nothing was written. */
final class BackupException extends GatewayException {

  BackupException(Problem problem, String detail) {
    super(problem, detail);
  }
}
