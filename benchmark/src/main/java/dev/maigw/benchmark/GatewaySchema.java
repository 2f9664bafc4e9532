package dev.maigw.benchmark;

/**
 * The one place that names the gateway's stored-message table as the checker reads it. The
 * benchmark does not depend on gateway code, so a change to the gateway's migrations must be
 * mirrored here.
 */
final class GatewaySchema {

  /** The table with one row per stored webhook message. */
  static final String MESSAGES_TABLE = "messages";

  /** The TEXT column holding the webhook body's {@code id}. */
  static final String MESSAGE_ID_COLUMN = "message_id";

  private GatewaySchema() {}
}
