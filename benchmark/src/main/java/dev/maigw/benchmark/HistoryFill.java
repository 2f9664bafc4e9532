package dev.maigw.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Fills a stopped gateway's SQLite file with history, fast: plain SQL inserts in large
 * transactions, rows shaped as intake writes them (the verbatim body, its SHA-256 and the parsed
 * columns; the conversation summary; one delivered delivery per message and target with its
 * attempt, one in a thousand after a failed first attempt). Received times are spread over the 30
 * days before now. Appends after the store's last message, so it can be run again to grow it.
 */
final class HistoryFill {

  private static final int BATCH = 20_000;
  private static final Duration SPAN = Duration.ofDays(30);

  private final String jdbcUrl;

  HistoryFill(String sqliteFile) {
    this.jdbcUrl = "jdbc:sqlite:" + sqliteFile;
  }

  /** Adds messages until the store holds {@code total}, over {@code conversations}. */
  long fillTo(long total, int conversations) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        Statement statement = db.createStatement()) {
      statement.execute("PRAGMA synchronous = OFF");
      statement.execute("PRAGMA foreign_keys = ON");
      long have = count(statement, "SELECT COUNT(*) FROM messages");
      String[] targets = targetIds(statement);
      db.setAutoCommit(false);
      long startMs = Instant.now().minus(SPAN).toEpochMilli();
      long stepMs = Math.max(1, SPAN.toMillis() / Math.max(1, total));
      try (PreparedStatement insert = db.prepareStatement(INSERT_MESSAGE)) {
        for (long i = have; i < total; i++) {
          bindMessage(insert, i, (int) (i % conversations), startMs + i * stepMs);
          insert.addBatch();
          if ((i + 1) % BATCH == 0 || i + 1 == total) {
            insert.executeBatch();
            db.commit();
          }
        }
      }
      for (String target : targets) {
        statement.execute(DELIVERIES.replace("?", "'" + target + "'"));
        statement.execute(ATTEMPTS.replace("?", "'" + target + "'"));
        statement.execute(FAILED_FIRST_ATTEMPTS.replace("?", "'" + target + "'"));
      }
      statement.execute("DELETE FROM conversations");
      statement.execute(CONVERSATIONS);
      db.commit();
      db.setAutoCommit(true);
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      return total - have;
    }
  }

  private static String[] targetIds(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT target_id FROM targets")) {
      java.util.List<String> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids.toArray(String[]::new);
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String messageId(long i) {
    return String.format("hist-%012d", i);
  }

  static String conversationId(int c) {
    return String.format("hist-conversation-%018d", c);
  }

  private void bindMessage(PreparedStatement insert, long i, int conversation, long receivedMs)
      throws SQLException {
    byte[] body = body(messageId(i), conversationId(conversation), receivedMs);
    insert.setString(1, messageId(i));
    insert.setString(2, conversationId(conversation));
    insert.setString(3, "outgoing");
    insert.setString(4, content);
    insert.setString(5, "1042");
    insert.setString(6, "客服小幫手");
    insert.setString(7, "https://media.example.com/avatars/helper.png");
    insert.setLong(8, receivedMs);
    insert.setLong(9, receivedMs);
    insert.setInt(10, 0);
    insert.setInt(11, 1);
    insert.setBytes(12, body);
    insert.setBytes(13, sha256(body));
  }

  private final String content = parsedContent();

  /** The body's content as intake stores it: JSON-unescaped (the template's only escape is \\n). */
  private static String parsedContent() {
    String json = new String(body("x", "y", 0), StandardCharsets.UTF_8);
    int start = json.indexOf("\"content\":\"") + "\"content\":\"".length();
    String escaped = json.substring(start, json.indexOf("\",", start));
    if (escaped.replace("\\n", "").contains("\\")) {
      throw new IllegalStateException("The body template gained an escape the fill cannot read.");
    }
    return escaped.replace("\\n", "\n");
  }

  private static byte[] body(String id, String conversation, long createdMs) {
    return String.format(WebhookRequestTemplate.BODY, id, conversation, Long.toString(createdMs))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String INSERT_MESSAGE =
      """
      INSERT INTO messages (message_id, conversation_id, message_type, content, sender_id,
          sender_name, sender_avatar, created_at_ms, received_at_ms, attachment_count,
          citation_count, body, body_sha256)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String DELIVERIES =
      """
      INSERT INTO deliveries (delivery_id, target_id, message_seq, conversation_id, status,
          attempts, next_attempt_at_ms, last_status, created_at_ms, delivered_at_ms)
      SELECT 'msg_' || lower(hex(randomblob(16))), ?, m.seq, m.conversation_id, 'delivered',
          CASE WHEN m.seq % 1000 = 0 THEN 2 ELSE 1 END, m.received_at_ms, 200, m.received_at_ms,
          m.received_at_ms + 40
      FROM messages m
      WHERE m.seq > COALESCE((SELECT MAX(message_seq) FROM deliveries WHERE target_id = ?), 0)
      """;

  private static final String ATTEMPTS =
      """
      INSERT INTO delivery_attempts (delivery_id, attempt, started_at_ms, latency_ms, status_code,
          response_snippet)
      SELECT d.delivery_id, d.attempts, d.delivered_at_ms - 5, 5, 200, 'ok'
      FROM deliveries d
      WHERE d.target_id = ? AND d.delivered_at_ms IS NOT NULL AND NOT EXISTS
          (SELECT 1 FROM delivery_attempts a WHERE a.delivery_id = d.delivery_id)
      """;

  private static final String FAILED_FIRST_ATTEMPTS =
      """
      INSERT INTO delivery_attempts (delivery_id, attempt, started_at_ms, latency_ms, status_code,
          response_snippet)
      SELECT d.delivery_id, 1, d.created_at_ms, 30, 503, 'busy'
      FROM deliveries d
      WHERE d.target_id = ? AND d.attempts = 2 AND NOT EXISTS
          (SELECT 1 FROM delivery_attempts a WHERE a.delivery_id = d.delivery_id AND a.attempt = 1)
      """;

  private static final String CONVERSATIONS =
      """
      INSERT INTO conversations (conversation_id, first_seen_at_ms, last_activity_at_ms, last_seq,
          message_count)
      SELECT conversation_id, MIN(received_at_ms), MAX(received_at_ms), MAX(seq), COUNT(*)
      FROM messages GROUP BY conversation_id
      """;
}
