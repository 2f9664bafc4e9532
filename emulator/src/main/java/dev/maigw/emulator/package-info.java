/**
 * A runnable fake of MaiAgent for offline development and end-to-end tests, in the spirit of
 * stripe-mock: the {@code /api/v1/} API, a fake presigned-upload storage, and a webhook sender with
 * MaiAgent-like retries and run-time fault injection, plus a control API under {@code /_emulator/}.
 * Start it with {@link dev.maigw.emulator.MaiAgentEmulator#start} or {@link
 * dev.maigw.emulator.EmulatorMain}.
 *
 * <p>This package wires the features together and owns configuration. The emulator never sends or
 * accepts traffic beyond loopback, and depends on no gateway or sdk code.
 */
package dev.maigw.emulator;
