package dev.maigw.gateway.delivery;

import java.util.Map;

/** The target store contract on the default embedded SQLite file. */
class SqliteTargetStoreTest extends TargetStoreContract {

  @Override
  Map<String, String> database() {
    return Map.of();
  }
}
