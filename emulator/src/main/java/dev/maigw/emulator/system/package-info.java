/**
 * Cross-cutting plumbing for the emulator: the JSON mapper, request and response values over the
 * JDK HTTP server, path routing, multipart parsing, loopback checks and bounded in-memory logs.
 *
 * <p>Owns no MaiAgent behaviour and depends on no feature package; features depend on it.
 */
package dev.maigw.emulator.system;
