/**
 * Run-time switches that make the emulator misbehave the way MaiAgent might, or speak one of the
 * documented variants: duplicate, delayed and reordered webhooks, timestamp and sender-id variants,
 * citation shapes, SSE variants, slow receipts, and injected API errors.
 *
 * <p>Owns the current {@link dev.maigw.emulator.fault.Faults} and their JSON form; it does not act
 * on them: the features that send webhooks or answer calls read them.
 */
package dev.maigw.emulator.fault;
