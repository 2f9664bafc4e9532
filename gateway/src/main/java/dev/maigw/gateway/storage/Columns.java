package dev.maigw.gateway.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading nullable columns, which JDBC otherwise turns into 0. */
public final class Columns {

  private Columns() {}

  /** An epoch-milliseconds column as an instant, or null. */
  public static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
