package dev.maigw.gateway.query;

import java.util.List;

/**
 * One page of results.
 *
 * @param nextCursor pass it back to get the next page; null when this page is the last
 */
record Page<T>(List<T> items, String nextCursor) {}
