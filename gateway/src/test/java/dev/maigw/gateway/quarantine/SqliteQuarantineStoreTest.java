package dev.maigw.gateway.quarantine;

import dev.maigw.gateway.support.RunningGateway;

/** The quarantine contract on the embedded SQLite file. */
class SqliteQuarantineStoreTest extends QuarantineStoreContract {

  @Override
  RunningGateway startGateway() {
    return RunningGateway.start(CAPS);
  }
}
