package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory scheduling of leased deliveries: caps, fairness, overflow and shutdown. */
class DeliveryLanesTest {

  private final List<Job> started = new ArrayList<>();
  private int finished;
  private DeliveryLanes lanes;

  @BeforeEach
  void startLanes() {
    // 4 workers, 2 per target: a lane holds 2 * 32 = 64 before it overflows.
    lanes =
        new DeliveryLanes(
            new DeliveryProperties(
                List.of(Duration.ZERO),
                0,
                Duration.ofSeconds(60),
                Duration.ofMillis(200),
                4,
                2,
                null));
    lanes.start(started::add);
  }

  @Test
  void runsAtMostPerTargetOfOneTargetAndAtMostWorkersInAll() {
    lanes.add(jobs("a", 5, 0));
    assertThat(started).hasSize(2);

    lanes.add(jobs("b", 5, 0));
    lanes.add(jobs("c", 5, 0));
    assertThat(started).hasSize(4);
    assertThat(started.stream().filter(j -> j.delivery().targetId().equals("a"))).hasSize(2);

    lanes.finished(started.get(0));
    assertThat(started).hasSize(5);
  }

  @Test
  void aFreedSlotGoesToTheLaneThatWaitedLongest() {
    lanes.add(jobs("a", 5, 0));
    lanes.add(jobs("b", 5, 0));
    lanes.add(jobs("c", 5, 0)); // a and b fill the four workers; c waits
    assertThat(started).extracting(j -> j.delivery().targetId()).containsOnly("a", "b");

    lanes.finished(started.get(0)); // an attempt of a ends

    assertThat(started.get(4).delivery().targetId()).isEqualTo("c");
  }

  @Test
  void anOverflowingLaneSendsLaterDeliveriesThroughTheStoreUntilAClaimComesUpShort() {
    lanes.add(jobs("a", 64, 0));
    assertThat(lanes.hasRoom("a", 10)).isFalse();
    assertThat(lanes.spills()).isEqualTo(1);

    // Room again, but deliveries of a are waiting in the store: new ones must queue behind them.
    finishEverything();
    assertThat(lanes.hasRoom("a", 10)).isFalse();
    assertThat(lanes.hasRoom("b", 10)).isTrue();

    lanes.claimed("a", 2, jobs("a", 2, 0)); // a full claim: more may wait
    assertThat(lanes.hasRoom("a", 10)).isFalse();
    lanes.claimed("a", 2, jobs("a", 1, 0)); // a short one: the store has caught up
    finishEverything();
    assertThat(lanes.hasRoom("a", 10)).isTrue();
  }

  @Test
  void bodiesHeldInLanesStayWithinTheirBudget() {
    int mib = 1024 * 1024;
    lanes.add(jobs("a", 15, mib));
    assertThat(lanes.hasRoom("b", mib)).isTrue();
    assertThat(lanes.hasRoom("b", mib + 1)).isFalse();
  }

  @Test
  void claimsAskForWhatFillsEachLaneWithinTheIdleWorkers() {
    lanes.add(jobs("a", 1, 0));

    var room = lanes.claimRoom(List.of("a", "b", "c"));

    // 3 idle workers: a can take 1 more, b and c 2 each, shared in turn.
    assertThat(room.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    assertThat(room.getOrDefault("a", 0)).isLessThanOrEqualTo(1);
  }

  @Test
  void stopStartsNothingMoreAndHandsBackWhatWasQueued() {
    lanes.add(jobs("a", 5, 0));

    List<Job> dropped = lanes.stop();
    lanes.finished(started.get(0));

    assertThat(dropped).hasSize(3);
    assertThat(started).hasSize(2);
    assertThat(lanes.hasRoom("a", 0)).isFalse();
  }

  /** Finishes every attempt started so far, and those the finishing starts, until none runs. */
  private void finishEverything() {
    for (int i = finished; i < started.size(); i++) {
      lanes.finished(started.get(i));
    }
    finished = started.size();
  }

  private static List<Job> jobs(String targetId, int count, int bodyBytes) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new Job(
                    new Delivery(
                        targetId + "-" + i + "-" + System.nanoTime(),
                        targetId,
                        i,
                        "conv",
                        Delivery.PENDING,
                        1,
                        Instant.EPOCH,
                        null,
                        null,
                        Instant.EPOCH,
                        null),
                    bodyBytes == 0 ? null : new byte[bodyBytes],
                    Instant.now().plusSeconds(60),
                    "owner"))
        .toList();
  }
}
