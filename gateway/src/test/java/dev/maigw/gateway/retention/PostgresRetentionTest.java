package dev.maigw.gateway.retention;

import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.util.HashMap;
import java.util.Map;

/** The retention contract on a real PostgreSQL. */
class PostgresRetentionTest extends RetentionContract {

  @Override
  RunningGateway startGateway(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.putAll(Postgres.freshDatabase());
    return RunningGateway.startWith(all, SettableClock.Override.class);
  }
}
