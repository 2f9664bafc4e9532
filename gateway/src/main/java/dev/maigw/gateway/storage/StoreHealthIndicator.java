package dev.maigw.gateway.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code store} health check (part of readiness): UP while the writer can commit and a reader
 * can read; DOWN while the store cannot take writes (locked by another process, database down, disk
 * full) or the writer thread has stopped. It replaces Spring Boot's {@code db} check, which borrows
 * a connection from the write pool: on SQLite that pool's one connection is held by the writer for
 * good, so that check waited 30 s and answered DOWN on a healthy gateway.
 *
 * <p>Never borrows the writer's connection: the writer's own record of its last attempt says
 * whether it can commit, and an idle writer whose last attempt failed probes the store about once a
 * second, so this comes back UP by itself once the store recovers.
 */
@Component
class StoreHealthIndicator implements HealthIndicator {

  private final GroupCommitWriter writer;
  private final JdbcClient reader;

  StoreHealthIndicator(GroupCommitWriter writer, JdbcClient reader) {
    this.writer = writer;
    this.reader = reader;
  }

  @Override
  public Health health() {
    WriterStatus status = writer.status();
    Health.Builder health = status.canCommit() ? Health.up() : Health.down();
    if (status.canCommit()) {
      try {
        reader.sql("SELECT 1").query(Integer.class).single();
      } catch (DataAccessException e) {
        health = Health.down().withDetail("read", Dialect.describe(e));
      }
    }
    health
        .withDetail("writerRunning", status.running())
        .withDetail("queuedWrites", status.queuedWrites())
        .withDetail("queuedBytes", status.queuedBytes());
    if (status.lastCommitAt() != null) {
      health.withDetail("lastCommitAt", status.lastCommitAt().toString());
    }
    if (status.lastFailureAt() != null) {
      health
          .withDetail("lastFailureAt", status.lastFailureAt().toString())
          .withDetail("lastFailure", status.lastFailure());
    }
    return health.build();
  }
}
