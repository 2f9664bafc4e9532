package dev.maigw.sdk.webhook;

/**
 * A file attached to a webhook message. Every field is optional and kept as sent.
 *
 * @param id attachment id
 * @param type e.g. {@code image}, {@code video}, {@code audio}, {@code sticker}, {@code other}
 * @param filename original file name
 * @param file file URL
 */
public record Attachment(String id, String type, String filename, String file) {}
