package dev.maigw.gateway.message;

import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;

/** The console's message reads on a real PostgreSQL. */
class PostgresMessageSearchTest extends MessageSearchContract {

  @Override
  RunningGateway startGateway() {
    return RunningGateway.start(Postgres.freshDatabase());
  }
}
