/** Test support: a webhook receiver, an API client and fast configurations. */
package dev.maigw.emulator.testing;
