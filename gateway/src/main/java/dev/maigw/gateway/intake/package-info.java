/**
 * The webhook endpoint MaiAgent posts replies to: authentication, bounded body reading, the
 * tolerant parse, store-or-quarantine, and the answer MaiAgent reads (exactly 200 only after the
 * commit). Must never acknowledge anything it has not committed.
 */
package dev.maigw.gateway.intake;
