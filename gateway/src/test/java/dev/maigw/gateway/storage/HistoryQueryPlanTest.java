package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads whose cost must not grow with the history, as SQLite plans them on a store with
 * statistics: no full scan of a large table and no sort of a whole result. The statements are the
 * delivery store's, with its parameters bound to sample values.
 */
class HistoryQueryPlanTest {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of());
    gateway
        .bean(GroupCommitWriter.class)
        .write(
            session -> {
              JdbcClient jdbc = session.jdbc();
              jdbc.sql(
                      """
                      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                      INSERT INTO messages (message_id, conversation_id, content, received_at_ms,
                          attachment_count, citation_count, body, body_sha256)
                      SELECT 'm' || i, 'c' || (i % 500), 'x', i, 0, 0, x'00', x'00' FROM n
                      """)
                  .update();
              jdbc.sql(
                      """
                      INSERT INTO deliveries (delivery_id, target_id, message_seq, conversation_id,
                          status, attempts, next_attempt_at_ms, created_at_ms, delivered_at_ms)
                      SELECT 'd' || seq, 't', seq, conversation_id, 'delivered', 1, seq, seq, seq
                      FROM messages
                      """)
                  .update();
              jdbc.sql(
                      """
                      INSERT INTO delivery_attempts (delivery_id, attempt, started_at_ms,
                          latency_ms, status_code)
                      SELECT delivery_id, 1, created_at_ms, 3, 200 FROM deliveries
                      """)
                  .update();
              jdbc.sql("ANALYZE").update();
              return null;
            });
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Delivery list, unfiltered and by target, newest first.
        "SELECT * FROM deliveries WHERE 1 = 1"
            + " ORDER BY created_at_ms DESC, message_seq DESC LIMIT 50",
        "SELECT * FROM deliveries WHERE 1 = 1 AND target_id = 't'"
            + " ORDER BY created_at_ms DESC, message_seq DESC LIMIT 50",
        "SELECT * FROM deliveries WHERE 1 = 1 AND target_id = 't' AND status = 'dead'"
            + " ORDER BY created_at_ms DESC, message_seq DESC LIMIT 50",
        // Target health: counts by status, latest failure.
        "SELECT SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending"
            + " FROM deliveries WHERE target_id = 't'",
        "SELECT COALESCE(a.error, 'HTTP ' || a.status_code) FROM delivery_attempts a"
            + " JOIN deliveries d ON d.delivery_id = a.delivery_id"
            + " WHERE d.target_id = 't' AND (a.error IS NOT NULL OR a.status_code < 200"
            + " OR a.status_code > 299) ORDER BY a.started_at_ms DESC LIMIT 1",
        // Conversation pages, a conversation's messages, SSE resume, console search by
        // conversation.
        "SELECT * FROM conversations WHERE last_seq < 4000 ORDER BY last_seq DESC LIMIT 50",
        "SELECT * FROM messages WHERE conversation_id = 'c7' AND seq > 0 ORDER BY seq LIMIT 50",
        "SELECT * FROM messages WHERE seq > 10 ORDER BY seq LIMIT 200",
        "SELECT * FROM messages WHERE seq < 9999 AND conversation_id = 'c7'"
            + " ORDER BY seq DESC LIMIT 50"
      })
  void readsWithoutScanningOrSortingTheHistory(String query) throws SQLException {
    // A new connection, so the plan is made with the statistics just gathered.
    List<String> plan = new ArrayList<>();
    try (Connection fresh = DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
        Statement statement = fresh.createStatement();
        ResultSet rs = statement.executeQuery("EXPLAIN QUERY PLAN " + query)) {
      while (rs.next()) {
        plan.add(rs.getString("detail"));
      }
    }
    assertThat(plan)
        .as(String.join("\n", plan))
        .noneMatch(step -> step.startsWith("SCAN deliveries") && !step.contains("INDEX"))
        .noneMatch(
            step -> step.startsWith("SCAN messages") || step.startsWith("SCAN conversations"))
        .noneMatch(step -> step.startsWith("SEARCH d USING") && step.contains("(target_id=?)"))
        .noneMatch(step -> step.contains("TEMP B-TREE"));
  }
}
