package dev.maigw.gateway.message;

import dev.maigw.gateway.support.RunningGateway;

/** The store contract on the default embedded SQLite file. */
class SqliteMessageStoreTest extends MessageStoreContract {

  @Override
  RunningGateway startGateway() {
    return RunningGateway.start();
  }
}
