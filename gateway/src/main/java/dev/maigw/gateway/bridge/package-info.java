/**
 * Send-and-await over MaiAgent's create-message API: creates conversations at MaiAgent, records
 * each send durably (idempotently, by the caller's key), sends one message per conversation at a
 * time (MaiAgent's replies carry only the conversation, so that is what makes a reply attributable;
 * a send MaiAgent may have taken holds its conversation like one it took), matches stored replies
 * by creation time to the send they answer inside the reply's own commit, and answers the waiting
 * caller without holding a thread while it waits. Depends on {@code message}, {@code query} (views)
 * and {@code storage}; the intake knows nothing of it.
 */
package dev.maigw.gateway.bridge;
