package dev.maigw.sdk.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the client's retry waits and returns at once, so retry tests take no wall time. */
final class RecordingSleeper implements Sleeper {

  final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }
}
