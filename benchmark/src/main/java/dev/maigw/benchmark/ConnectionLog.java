package dev.maigw.benchmark;

import java.util.BitSet;

/**
 * What one connection of one scenario sent and which of its requests were acknowledged.
 *
 * @param scenario the scenario index
 * @param connection the connection index within the scenario
 * @param sent how many requests were written; their sequence numbers are {@code 0..sent-1}
 * @param acknowledged bit {@code s} is set if request {@code s} got a 200
 */
record ConnectionLog(int scenario, int connection, long sent, BitSet acknowledged) {

  /** A key unique to the scenario and connection. */
  int key() {
    return key(scenario, connection);
  }

  static int key(int scenario, int connection) {
    return scenario * RequestIds.MAX_CONNECTIONS + connection;
  }
}
