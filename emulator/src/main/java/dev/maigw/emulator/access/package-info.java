/**
 * The API's front door: the {@code Authorization: Api-Key} check with MaiAgent's 401 bodies, and
 * what happens to paths without their trailing slash.
 *
 * <p>Knows nothing of conversations or messages; it answers before any feature runs.
 */
package dev.maigw.emulator.access;
