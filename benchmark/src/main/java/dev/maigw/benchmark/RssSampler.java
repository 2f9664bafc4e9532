package dev.maigw.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process's resident memory ({@code VmRSS} in {@code /proc/<pid>/status}) at a fixed
 * interval on one daemon thread and keeps the largest value seen. Linux only.
 */
final class RssSampler implements AutoCloseable {

  private final Path status;
  private final AtomicLong maxKilobytes = new AtomicLong(-1);
  private final ScheduledExecutorService executor;

  /**
   * Starts sampling at once.
   *
   * @throws BenchmarkException if the process's status cannot be read now
   */
  RssSampler(long pid, Duration interval) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    if (sample() < 0) {
      throw new BenchmarkException("Cannot read the resident memory of process: " + pid);
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "rss-sampler-" + pid);
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleAtFixedRate(
        this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Returns the largest resident set since the last call, in KB (-1 if none), and starts over. */
  long resetMax() {
    sample();
    return maxKilobytes.getAndSet(-1);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private long sample() {
    long kilobytes;
    try {
      kilobytes = parseVmRssKilobytes(Files.readString(status));
    } catch (IOException e) {
      // The process may have exited; a missing sample shows as -1 in the report.
      return -1;
    }
    maxKilobytes.accumulateAndGet(kilobytes, Math::max);
    return kilobytes;
  }

  /** The {@code VmRSS} value of a {@code /proc/<pid>/status} text in KB, or -1 if absent. */
  static long parseVmRssKilobytes(String statusText) {
    for (String line : statusText.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String value = line.substring("VmRSS:".length()).trim();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
      }
    }
    return -1;
  }
}
