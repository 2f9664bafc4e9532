package dev.maigw.emulator.message;

import java.time.Instant;

/**
 * A cited knowledge-base file with every field either documented shape needs: {@code document} for
 * the webhook doc's shape, {@code chatbotFileContent} and a parser for the schema's.
 *
 * @param sizeBytes the file's size
 * @param excerpt the cited passage, used for {@code citationNodes}
 */
public record Citation(
    String id,
    String filename,
    String file,
    String fileType,
    long sizeBytes,
    String document,
    String chatbotFileContent,
    Instant createdAt,
    String excerpt) {}
