package dev.maigw.gateway.retention;

import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.util.Map;

/** The retention contract on the default embedded SQLite file. */
class SqliteRetentionTest extends RetentionContract {

  @Override
  RunningGateway startGateway(Map<String, String> properties) {
    return RunningGateway.startWith(properties, SettableClock.Override.class);
  }
}
