package dev.maigw.sdk.webhook;

/**
 * Who sent a webhook message. Every field may be null; none is validated (W9, W10).
 *
 * @param id the sender id as text; MaiAgent sends a number or a string (W3)
 * @param name an opaque display string
 * @param avatar the avatar URL exactly as sent, not checked to be a URL
 */
public record Sender(String id, String name, String avatar) {}
