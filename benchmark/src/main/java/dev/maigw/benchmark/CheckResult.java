package dev.maigw.benchmark;

import java.util.List;

/**
 * The verdict of {@link StoreChecker}: acknowledged ids are all stored, none is stored twice, and
 * nothing is stored that was not sent.
 *
 * @param acknowledged ids that got a 200 from the durable endpoint
 * @param sent requests written to the durable endpoint
 * @param storedRows rows whose id has this run's prefix
 * @param storedDistinct distinct ids among those rows
 * @param missing acknowledged ids not stored
 * @param duplicates rows beyond the first for an id
 * @param unexpected stored ids of this run that were not sent to the durable endpoint
 * @param missingExamples up to a few missing ids, for the report
 */
record CheckResult(
    long acknowledged,
    long sent,
    long storedRows,
    long storedDistinct,
    long missing,
    long duplicates,
    long unexpected,
    List<String> missingExamples) {

  /** True if at least one id was acknowledged and every rule holds. */
  boolean passed() {
    return acknowledged > 0 && missing == 0 && duplicates == 0 && unexpected == 0;
  }

  /** One line: PASS or FAIL and the counts. */
  String verdict() {
    String counts =
        String.format(
            "acknowledged %d, sent %d, stored rows %d, distinct %d, missing %d, duplicates %d,"
                + " not sent but stored %d",
            acknowledged, sent, storedRows, storedDistinct, missing, duplicates, unexpected);
    if (acknowledged == 0) {
      return "FAIL (nothing was acknowledged): " + counts;
    }
    String examples = missingExamples.isEmpty() ? "" : "; missing e.g. " + missingExamples;
    return (passed() ? "PASS: " : "FAIL: ") + counts + examples;
  }
}
