/**
 * MaiAgent's timestamp spellings ({@link dev.maigw.sdk.time.MaiAgentTimestamps}), shared by the
 * webhook reader and the API client so both read time the same way.
 *
 * <p>This package depends on no other sdk package and holds no state.
 */
package dev.maigw.sdk.time;
