package dev.maigw.gateway.delivery;

import dev.maigw.gateway.support.Postgres;
import java.util.Map;

/** The delivery store contract on a real PostgreSQL. */
class PostgresDeliveryStoreTest extends DeliveryStoreContract {

  @Override
  Map<String, String> database() {
    return Postgres.freshDatabase();
  }
}
