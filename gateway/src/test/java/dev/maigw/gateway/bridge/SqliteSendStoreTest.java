package dev.maigw.gateway.bridge;

import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.util.Map;

/** The send store contract on the default embedded SQLite file. */
class SqliteSendStoreTest extends SendStoreContract {

  @Override
  RunningGateway startGateway() {
    return RunningGateway.startWith(Map.of(), SettableClock.Override.class);
  }
}
