package dev.maigw.emulator.message;

/**
 * Who sent a message. MaiAgent documents {@code sender.id} as a number; webhooks may render it as a
 * string or UUID (see {@link dev.maigw.emulator.fault.SenderIdType}).
 */
public record Sender(long id, String name, String avatar) {}
