package dev.maigw.sdk.webhook;

/**
 * A knowledge-base file the reply cites. MaiAgent sends two shapes (W5): the webhook docs' shape
 * with {@code document}, and the server schema's with {@code chatbotFileContent} and {@code
 * parser}. Both map here; every field is optional and unknown fields are ignored.
 *
 * @param id file id
 * @param filename file name
 * @param file file URL
 * @param fileType e.g. {@code pdf}, {@code jsonl}
 * @param size file size in bytes, from a number or a numeric string; null if absent or unusable
 * @param status e.g. {@code done}; not checked against an enum
 * @param document document id (webhook-docs shape)
 * @param chatbotFileContent file content id (server-schema shape)
 * @param createdAt creation timestamp exactly as sent (usually epoch milliseconds as text)
 */
public record Citation(
    String id,
    String filename,
    String file,
    String fileType,
    Long size,
    String status,
    String document,
    String chatbotFileContent,
    String createdAt) {}
