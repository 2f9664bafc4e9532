package dev.maigw.gateway.bridge;

import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;

/** The send store contract on a real PostgreSQL. */
class PostgresSendStoreTest extends SendStoreContract {

  @Override
  RunningGateway startGateway() {
    return RunningGateway.startWith(Postgres.freshDatabase(), SettableClock.Override.class);
  }
}
