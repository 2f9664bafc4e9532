/**
 * A no-op twin of the webhook endpoint, on only when {@code MAIGW_BENCH_NOOP=true}: it reads the
 * body and answers the same 200 without storing anything, so benchmarks can measure the HTTP
 * stack's own ceiling in the same JVM.
 */
package dev.maigw.gateway.bench;
