package dev.maigw.gateway.delivery;

import java.util.Map;

/** The delivery store contract on the default embedded SQLite file. */
class SqliteDeliveryStoreTest extends DeliveryStoreContract {

  @Override
  Map<String, String> database() {
    return Map.of();
  }
}
