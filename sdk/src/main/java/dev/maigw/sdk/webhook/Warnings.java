package dev.maigw.sdk.webhook;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects notes on tolerated oddities while one message is read. Bounded, so a body with thousands
 * of odd array elements cannot produce thousands of notes.
 */
final class Warnings {

  /** Most notes kept per message; the rest are counted in one closing note. */
  static final int MAX_NOTES = 20;

  /** Longest quote of body text inside a note, in characters. */
  private static final int MAX_QUOTE_LENGTH = 80;

  private final List<String> notes = new ArrayList<>();
  private int omitted;

  void add(String note) {
    if (notes.size() < MAX_NOTES) {
      notes.add(note);
    } else {
      omitted++;
    }
  }

  List<String> toList() {
    if (omitted == 0) {
      return List.copyOf(notes);
    }
    List<String> all = new ArrayList<>(notes);
    all.add(omitted + " further warnings omitted.");
    return List.copyOf(all);
  }

  /** Quotes body text for a note: escaped for one log line and at most 80 characters. */
  static String quote(String text) {
    return "'" + LogSafe.escapeForLog(text, MAX_QUOTE_LENGTH) + "'";
  }
}
