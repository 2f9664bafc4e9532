package dev.maigw.gateway.delivery;

import dev.maigw.gateway.support.Postgres;
import java.util.Map;

/** The target store contract on a real PostgreSQL. */
class PostgresTargetStoreTest extends TargetStoreContract {

  @Override
  Map<String, String> database() {
    return Postgres.freshDatabase();
  }
}
