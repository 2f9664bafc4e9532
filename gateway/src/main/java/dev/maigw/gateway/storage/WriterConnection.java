package dev.maigw.gateway.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's one connection, kept between batches (with its compiled statements), and the
 * transactions on it. A connection whose transaction cannot be rolled back cleanly is evicted, so
 * the next transaction starts on a fresh one. Used by the writer thread alone.
 */
final class WriterConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WriterConnection.class);

  private final HikariDataSource dataSource;
  private final Dialect dialect;

  /** Null until first use or after a fault. */
  private WriteSession session;

  WriterConnection(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Opens a transaction, on a new connection when there is none, and returns its session. */
  WriteSession begin() throws SQLException {
    if (session == null) {
      session = new WriteSession(dataSource.getConnection());
    }
    dialect.begin(session.connection());
    return session;
  }

  /** Commits the open transaction; returns its after-commit actions, to run now. */
  List<Runnable> commit() throws SQLException {
    dialect.commit(session.connection());
    return session.takeAfterCommit();
  }

  /**
   * {@link Dialect#optimize} then {@link Dialect#checkpoint}, between transactions (statistics
   * first: they are written to the log the checkpoint then empties). True when the log was
   * truncated.
   */
  boolean checkpoint() throws SQLException {
    if (session == null) {
      session = new WriteSession(dataSource.getConnection());
    }
    dialect.optimize(session.connection());
    return dialect.checkpoint(session.connection());
  }

  /** Ends the open transaction, if any, without committing, forgetting its after-commit actions. */
  void rollBack() {
    if (session == null) {
      return;
    }
    session.takeAfterCommit();
    if (!dialect.rollbackQuietly(session.connection())) {
      discard(true);
    }
  }

  @Override
  public void close() {
    discard(false);
  }

  private void discard(boolean evict) {
    if (session == null) {
      return;
    }
    session.close();
    Connection connection = session.connection();
    session = null;
    if (evict) {
      dataSource.evictConnection(connection);
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the writer connection failed", e);
    }
  }
}
