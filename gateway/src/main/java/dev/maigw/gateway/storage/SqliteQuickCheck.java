package dev.maigw.gateway.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * {@code PRAGMA quick_check} of the SQLite file at start, within a time budget: SQLite's progress
 * handler interrupts the check when the budget is spent. Damage found stops the start (the message
 * names {@code PRAGMA quick_check}, which {@code StorageConfiguration} turns into one clear line);
 * a check cut short is logged and the start goes on.
 */
final class SqliteQuickCheck {

  private static final Logger log = LoggerFactory.getLogger(SqliteQuickCheck.class);

  /** Virtual machine steps between looks at the clock: cheap, and far below a millisecond. */
  private static final int STEPS_PER_LOOK = 10_000;

  private SqliteQuickCheck() {}

  /**
   * @return whether the check ran to the end (false: skipped, or cut short by the budget)
   * @throws IllegalStateException if the check found damage
   */
  static boolean run(Connection connection, Duration budget) throws SQLException {
    if (budget.isZero() || budget.isNegative()) {
      return false;
    }
    long deadline = System.nanoTime() + budget.toNanos();
    Connection sqlite = connection.unwrap(org.sqlite.SQLiteConnection.class);
    ProgressHandler.setHandler(
        sqlite,
        STEPS_PER_LOOK,
        new ProgressHandler() {
          @Override
          protected int progress() {
            return System.nanoTime() > deadline ? 1 : 0;
          }
        });
    try (Statement statement = sqlite.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
      String result = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equalsIgnoreCase(result)) {
        throw new IllegalStateException(
            "Database check failed: PRAGMA quick_check returned '" + result + "', need 'ok'.");
      }
      return true;
    } catch (SQLiteException e) {
      if (e.getResultCode() != SQLiteErrorCode.SQLITE_INTERRUPT) {
        throw e;
      }
      log.warn(
          "event=store.quick_check outcome=cut_short budget={} detail=\"the integrity check of"
              + " the SQLite file did not finish within MAIGW_STARTUP_CHECK_BUDGET; starting"
              + " anyway. bin/backup-gateway checks a full copy; a longer budget checks at"
              + " start\"",
          budget);
      return false;
    } finally {
      ProgressHandler.clearHandler(sqlite);
    }
  }
}
