/**
 * The control API under {@code /_emulator/}: switch faults, inspect deliveries and received
 * requests, push arbitrary webhooks, release held replies, change the webhook URL, reset. Needs no
 * API key; like everything else it answers loopback clients only.
 *
 * <p>Works only through {@link dev.maigw.emulator.control.EmulatorControls}, the same surface the
 * emulator offers to tests in-process.
 */
package dev.maigw.emulator.control;
