package dev.maigw.gateway.message;

import dev.maigw.gateway.support.RunningGateway;

/** The console's message reads on the default embedded SQLite file. */
class SqliteMessageSearchTest extends MessageSearchContract {

  @Override
  RunningGateway startGateway() {
    return RunningGateway.start();
  }
}
