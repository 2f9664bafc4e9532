package dev.maigw.benchmark;

/**
 * The benchmark's one unchecked exception: a bad option, a refused target, an unreadable process or
 * an unreadable store. The message is a fixed sentence followed by the offending value.
 */
public class BenchmarkException extends RuntimeException {

  BenchmarkException(String message) {
    super(message);
  }

  BenchmarkException(String message, Throwable cause) {
    super(message, cause);
  }
}
