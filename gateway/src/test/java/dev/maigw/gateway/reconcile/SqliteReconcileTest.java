package dev.maigw.gateway.reconcile;

import java.util.Map;

/** Reconciliation end to end on the default embedded SQLite file. */
class SqliteReconcileTest extends ReconcileEndToEndContract {

  @Override
  Map<String, String> database() {
    return Map.of();
  }
}
