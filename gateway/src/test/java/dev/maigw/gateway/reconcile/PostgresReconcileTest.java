package dev.maigw.gateway.reconcile;

import dev.maigw.gateway.support.Postgres;
import java.util.Map;

/** Reconciliation end to end on a real PostgreSQL. */
class PostgresReconcileTest extends ReconcileEndToEndContract {

  @Override
  Map<String, String> database() {
    return Postgres.freshDatabase();
  }
}
