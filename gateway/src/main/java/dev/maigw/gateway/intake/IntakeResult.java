package dev.maigw.gateway.intake;

/**
 * What the intake did with one webhook, for the answer, the log line and the metrics.
 *
 * @param outcome {@code stored}, {@code duplicate}, {@code conflict} or {@code quarantined}
 * @param messageId the message id when it could be read, else null
 * @param conversationId the conversation id when it could be read, else null
 */
record IntakeResult(String outcome, String messageId, String conversationId, Long quarantineId) {}
