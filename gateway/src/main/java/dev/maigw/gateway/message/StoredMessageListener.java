package dev.maigw.gateway.message;

import dev.maigw.gateway.storage.WriteSession;
import java.sql.SQLException;

/**
 * Told about every newly stored message inside the transaction that stores it, so that what it
 * writes commits (or rolls back) together with the message. Called on the writer thread: keep it to
 * a few indexed statements, and use {@link WriteSession#afterCommit} for anything else.
 */
public interface StoredMessageListener {

  void onStored(WriteSession session, NewMessage message, long seq) throws SQLException;
}
