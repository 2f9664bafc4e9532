package dev.maigw.gateway.quarantine;

import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;
import java.util.HashMap;
import java.util.Map;

/** The quarantine contract on a real PostgreSQL. */
class PostgresQuarantineStoreTest extends QuarantineStoreContract {

  @Override
  RunningGateway startGateway() {
    Map<String, String> properties = new HashMap<>(Postgres.freshDatabase());
    properties.putAll(CAPS);
    return RunningGateway.start(properties);
  }
}
