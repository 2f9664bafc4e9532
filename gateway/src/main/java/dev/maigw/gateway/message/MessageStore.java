package dev.maigw.gateway.message;

import dev.maigw.gateway.storage.Columns;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores replies exactly once per message id and reads them back. Inserts go through the
 * group-commit writer; reads use short autocommit queries (no long-lived snapshot, so SQLite's WAL
 * checkpoints are never starved).
 */
@Component
public class MessageStore {

  private static final String INSERT =
      """
      INSERT INTO messages (message_id, conversation_id, message_type, content, sender_id,
          sender_name, sender_avatar, created_at_ms, received_at_ms, attachment_count,
          citation_count, body, body_sha256, source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (message_id) DO NOTHING
      RETURNING seq
      """;

  private static final String TOUCH_CONVERSATION =
      """
      INSERT INTO conversations (conversation_id, first_seen_at_ms, last_activity_at_ms,
          last_seq, message_count)
      VALUES (?, ?, ?, ?, 1)
      ON CONFLICT (conversation_id) DO UPDATE SET
          last_activity_at_ms = excluded.last_activity_at_ms,
          last_seq = excluded.last_seq,
          message_count = conversations.message_count + 1
      """;

  // A message purged by retention leaves its id here for the dedupe window.
  private static final String TOMBSTONE =
      "SELECT body_sha256 FROM message_tombstones WHERE message_id = ?";

  private static final String COLUMNS =
      """
      seq, message_id, conversation_id, message_type, content, sender_id, sender_name,
      sender_avatar, created_at_ms, received_at_ms, attachment_count, citation_count, body,
      body_sha256, duplicate_count, conflict_count, source
      """;

  private final GroupCommitWriter writer;
  private final JdbcClient reader;
  private final List<StoredMessageListener> listeners;
  private final MessageSignals signals;

  public MessageStore(
      GroupCommitWriter writer,
      JdbcClient reader,
      List<StoredMessageListener> listeners,
      MessageSignals signals) {
    this.writer = writer;
    this.reader = reader;
    this.listeners = List.copyOf(listeners);
    this.signals = signals;
  }

  /**
   * Stores {@code message} unless its id is already stored; returns after the commit. Safe to
   * repeat: a repeat is counted as a duplicate (or a conflict when the body differs) and changes
   * nothing else. An id whose message retention has purged (it has a tombstone) is a duplicate too,
   * and stores nothing.
   *
   * @throws dev.maigw.gateway.system.StoreUnavailableException when the store cannot commit
   */
  public InsertOutcome insert(NewMessage message) {
    return writer.write(insertion(message), message.body().length);
  }

  /**
   * Like {@link #insert} without blocking: the future completes after the commit (failures as
   * {@link GroupCommitWriter#unwrap} describes). The body's size counts against the writer's byte
   * bound while the insert waits.
   */
  public CompletableFuture<InsertOutcome> insertAsync(NewMessage message) {
    return writer.submit(insertion(message), message.body().length);
  }

  private GroupCommitWriter.Work<InsertOutcome> insertion(NewMessage message) {
    return session -> {
      Insertion insertion = insertIn(session, message);
      if (insertion.outcome() == InsertOutcome.STORED) {
        for (StoredMessageListener listener : listeners) {
          listener.onStored(session, message, insertion.seq());
        }
        session.afterCommit(signals::signal);
      }
      return insertion.outcome();
    };
  }

  private record Insertion(InsertOutcome outcome, long seq) {}

  private static Insertion insertIn(WriteSession session, NewMessage m) throws SQLException {
    // Checked on the writer thread in the insert's own transaction, and the purge writes its
    // tombstones through the same writer: nothing can slip in between the check and the insert.
    byte[] purgedHash = tombstoneHash(session, m.messageId());
    if (purgedHash != null) {
      boolean same = Arrays.equals(purgedHash, m.bodySha256());
      return new Insertion(same ? InsertOutcome.DUPLICATE : InsertOutcome.CONFLICT, -1);
    }
    PreparedStatement insert = session.prepared(INSERT);
    insert.setString(1, m.messageId());
    insert.setString(2, m.conversationId());
    insert.setString(3, m.type());
    insert.setString(4, m.content());
    insert.setString(5, m.senderId());
    insert.setString(6, m.senderName());
    insert.setString(7, m.senderAvatar());
    insert.setObject(8, m.createdAt() == null ? null : m.createdAt().toEpochMilli(), Types.BIGINT);
    insert.setLong(9, m.receivedAt().toEpochMilli());
    insert.setInt(10, m.attachmentCount());
    insert.setInt(11, m.citationCount());
    insert.setBytes(12, m.body());
    insert.setBytes(13, m.bodySha256());
    insert.setString(14, m.source().label());
    Long seq = null;
    try (ResultSet rs = insert.executeQuery()) {
      if (rs.next()) {
        seq = rs.getLong(1);
      }
    }
    if (seq == null) {
      return new Insertion(countRepeat(session.jdbc(), m), -1);
    }
    PreparedStatement touch = session.prepared(TOUCH_CONVERSATION);
    touch.setString(1, m.conversationId());
    touch.setLong(2, m.receivedAt().toEpochMilli());
    touch.setLong(3, m.receivedAt().toEpochMilli());
    touch.setLong(4, seq);
    touch.executeUpdate();
    return new Insertion(InsertOutcome.STORED, seq);
  }

  /** The body hash of a purged message with this id, or null when none was purged. */
  private static byte[] tombstoneHash(WriteSession session, String messageId) throws SQLException {
    PreparedStatement query = session.prepared(TOMBSTONE);
    query.setString(1, messageId);
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }

  /**
   * A repeat with another body is a conflict only when both copies came the same way: a webhook
   * body and MaiAgent's list JSON for the same message never match byte for byte.
   */
  private static InsertOutcome countRepeat(JdbcClient jdbc, NewMessage m) {
    Stored stored =
        jdbc.sql("SELECT body_sha256, source FROM messages WHERE message_id = ?")
            .param(m.messageId())
            .query((rs, row) -> new Stored(rs.getBytes(1), rs.getString(2)))
            .single();
    boolean conflict =
        MessageSource.fromLabel(stored.source()) == m.source()
            && !Arrays.equals(stored.sha256(), m.bodySha256());
    jdbc.sql(
            """
            UPDATE messages SET duplicate_count = duplicate_count + 1,
                conflict_count = conflict_count + ?, last_duplicate_at_ms = ?
            WHERE message_id = ?
            """)
        .params(conflict ? 1 : 0, m.receivedAt().toEpochMilli(), m.messageId())
        .update();
    return conflict ? InsertOutcome.CONFLICT : InsertOutcome.DUPLICATE;
  }

  private record Stored(byte[] sha256, String source) {}

  /**
   * Which of {@code messageIds} are stored already: a read, so only a hint for skipping known
   * replies (the insert's unique key is what dedupes).
   */
  public java.util.Set<String> storedIds(java.util.Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return java.util.Set.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(messageIds.size(), "?"));
    return new java.util.HashSet<>(
        reader
            .sql("SELECT message_id FROM messages WHERE message_id IN (" + marks + ")")
            .params(List.copyOf(messageIds))
            .query(String.class)
            .list());
  }

  public Optional<StoredMessage> find(String messageId) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM messages WHERE message_id = ?")
        .param(messageId)
        .query(MessageStore::toStoredMessage)
        .optional();
  }

  /** Messages at the given commit positions, in commit order. */
  public List<StoredMessage> findBySeqs(List<Long> seqs) {
    if (seqs.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(seqs.size(), "?"));
    return reader
        .sql("SELECT " + COLUMNS + " FROM messages WHERE seq IN (" + marks + ") ORDER BY seq")
        .params(seqs)
        .query(MessageStore::toStoredMessage)
        .list();
  }

  /** The cursor of the latest stored message, 0 when there is none. */
  public long lastSeq() {
    return reader.sql("SELECT COALESCE(MAX(seq), 0) FROM messages").query(Long.class).single();
  }

  /** Messages of every conversation after cursor {@code afterSeq}, in commit order. */
  public List<StoredMessage> messagesAfter(long afterSeq, int limit) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM messages WHERE seq > ? ORDER BY seq LIMIT ?")
        .params(afterSeq, limit)
        .query(MessageStore::toStoredMessage)
        .list();
  }

  /** Replies of one conversation after cursor {@code afterSeq}, in commit order. */
  public List<StoredMessage> conversationMessages(String conversationId, long afterSeq, int limit) {
    return reader
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?")
        .params(conversationId, afterSeq, limit)
        .query(MessageStore::toStoredMessage)
        .list();
  }

  /** Conversations by latest activity first, those with activity before {@code beforeSeq}. */
  public List<ConversationSummary> conversations(long beforeSeq, int limit) {
    return reader
        .sql(
            """
            SELECT conversation_id, message_count, first_seen_at_ms, last_activity_at_ms, last_seq
            FROM conversations WHERE last_seq < ? ORDER BY last_seq DESC LIMIT ?
            """)
        .params(beforeSeq, limit)
        .query(MessageStore::toConversationSummary)
        .list();
  }

  /**
   * Messages matching every filter of {@code search}, newest first, with cursors below {@code
   * beforeSeq}: the console's message search. Walks the commit order backwards, so a page costs
   * about as many rows as it has to skip.
   */
  public List<StoredMessage> search(MessageSearch search, long beforeSeq, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM messages WHERE seq < ?");
    List<Object> params = new java.util.ArrayList<>(List.of(beforeSeq));
    if (search.conversationId() != null) {
      sql.append(" AND conversation_id = ?");
      params.add(search.conversationId());
    }
    if (search.type() != null) {
      sql.append(" AND message_type = ?");
      params.add(search.type());
    }
    if (search.receivedFrom() != null) {
      sql.append(" AND received_at_ms >= ?");
      params.add(search.receivedFrom().toEpochMilli());
    }
    if (search.receivedBefore() != null) {
      sql.append(" AND received_at_ms < ?");
      params.add(search.receivedBefore().toEpochMilli());
    }
    if (search.contentContains() != null) {
      sql.append(" AND LOWER(content) LIKE ? ESCAPE '!'");
      params.add(
          "%" + likeEscaped(search.contentContains().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (search.outcome() != null) {
      sql.append(
          switch (search.outcome()) {
            case STORED_ONCE -> " AND duplicate_count = 0";
            case DUPLICATED -> " AND duplicate_count > conflict_count";
            case CONFLICTED -> " AND conflict_count > 0";
          });
    }
    sql.append(" ORDER BY seq DESC LIMIT ?");
    params.add(limit);
    return reader.sql(sql.toString()).params(params).query(MessageStore::toStoredMessage).list();
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /**
   * The latest replies of one conversation before cursor {@code beforeSeq}, in commit order (the
   * last page of a transcript, or the one before a page).
   */
  public List<StoredMessage> conversationMessagesBefore(
      String conversationId, long beforeSeq, int limit) {
    List<StoredMessage> page =
        new java.util.ArrayList<>(
            reader
                .sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM messages WHERE conversation_id = ? AND seq < ?"
                        + " ORDER BY seq DESC LIMIT ?")
                .params(conversationId, beforeSeq, limit)
                .query(MessageStore::toStoredMessage)
                .list());
    java.util.Collections.reverse(page);
    return page;
  }

  /** One conversation's summary, if it has any stored reply. */
  public Optional<ConversationSummary> conversation(String conversationId) {
    return reader
        .sql(
            """
            SELECT conversation_id, message_count, first_seen_at_ms, last_activity_at_ms, last_seq
            FROM conversations WHERE conversation_id = ?
            """)
        .param(conversationId)
        .query(MessageStore::toConversationSummary)
        .optional();
  }

  /**
   * What the webhook endpoint did with the bodies it stored, over the store's whole life and every
   * instance: distinct messages stored, repeats with the same body, repeats with another body.
   */
  public record OutcomeCounts(long stored, long duplicates, long conflicts, long conversations) {}

  public OutcomeCounts outcomeCounts() {
    return reader
        .sql(
            """
            SELECT COUNT(*) AS stored,
                   COALESCE(SUM(duplicate_count - conflict_count), 0) AS duplicates,
                   COALESCE(SUM(conflict_count), 0) AS conflicts,
                   (SELECT COUNT(*) FROM conversations) AS conversations
            FROM messages
            """)
        .query(
            (rs, row) ->
                new OutcomeCounts(
                    rs.getLong("stored"),
                    rs.getLong("duplicates"),
                    rs.getLong("conflicts"),
                    rs.getLong("conversations")))
        .single();
  }

  /**
   * Messages received at or after {@code since}. Starts from the newest commit position received
   * before it (commit order follows arrival closely), so the count reads only the recent rows.
   */
  public long receivedSince(Instant since) {
    long from = since.toEpochMilli();
    return reader
        .sql(
            """
            SELECT COUNT(*) FROM messages
            WHERE seq > COALESCE((SELECT seq FROM messages WHERE received_at_ms < ?
                                  ORDER BY seq DESC LIMIT 1), 0)
              AND received_at_ms >= ?
            """)
        .params(from, from)
        .query(Long.class)
        .single();
  }

  private static ConversationSummary toConversationSummary(ResultSet rs, int row)
      throws SQLException {
    return new ConversationSummary(
        rs.getString("conversation_id"),
        rs.getInt("message_count"),
        Instant.ofEpochMilli(rs.getLong("first_seen_at_ms")),
        Instant.ofEpochMilli(rs.getLong("last_activity_at_ms")),
        rs.getLong("last_seq"));
  }

  private static StoredMessage toStoredMessage(ResultSet rs, int row) throws SQLException {
    return new StoredMessage(
        rs.getLong("seq"),
        rs.getString("message_id"),
        rs.getString("conversation_id"),
        rs.getString("message_type"),
        rs.getString("content"),
        rs.getString("sender_id"),
        rs.getString("sender_name"),
        rs.getString("sender_avatar"),
        Columns.nullableInstant(rs, "created_at_ms"),
        Instant.ofEpochMilli(rs.getLong("received_at_ms")),
        rs.getInt("attachment_count"),
        rs.getInt("citation_count"),
        rs.getBytes("body"),
        rs.getBytes("body_sha256"),
        rs.getInt("duplicate_count"),
        rs.getInt("conflict_count"),
        MessageSource.fromLabel(rs.getString("source")));
  }
}
