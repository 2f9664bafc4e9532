package dev.maigw.gateway.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * This instance's leased deliveries, one lane per target: a lane runs at most {@code per-target}
 * attempts at once and all lanes together at most {@code workers}, so a slow or failing target only
 * ever fills its own lane. Deliveries arrive already leased, either straight from their message's
 * commit ({@link DeliveryRecorder}, the fast path: no claim query, no message lookup) or claimed
 * from the store by the {@link DeliveryWorker}.
 *
 * <p>A bean of its own so that the recorder, which runs inside the message store's commit, does not
 * depend on the worker (which depends on the message store).
 */
@Component
class DeliveryLanes {

  /** A lane accepts fast-path deliveries until it holds this many per in-flight slot. */
  private static final int QUEUED_PER_SLOT = 32;

  /**
   * Message bodies all lanes may hold at once (a fast-path delivery carries its body; one the
   * worker claims reads it when its attempt starts). Bodies may be up to 1 MiB each.
   */
  private static final long BODY_BUDGET_BYTES = 16L * 1024 * 1024;

  private final int workers;
  private final int perTarget;
  private final Map<String, Lane> lanes = new HashMap<>();
  // Targets whose lane overflowed: their later deliveries wait in the store, so new ones must too
  // until claims have caught up, or the waiting ones would starve behind fresh ones.
  private final Set<String> spilled = new HashSet<>();
  private int running;
  private int rotation;
  private long starts;
  private long spills;
  private long bodyBytes;
  private Consumer<Job> launcher;

  DeliveryLanes(DeliveryProperties properties) {
    this.workers = properties.workers();
    this.perTarget = properties.perTarget();
  }

  /**
   * A leased delivery ready to be attempted.
   *
   * @param body the message body when it came straight from the commit, else null (looked up)
   * @param leaseUntil when another worker may take it; an attempt that could outlast it is skipped
   * @param leaseOwner the lease's random token: the attempt's result is recorded on the delivery
   *     only while the delivery still carries it (and {@code leaseUntil})
   * @param messageId the message's id when it came straight from the commit, else null (looked up
   *     with the body)
   */
  record Job(
      Delivery delivery, byte[] body, Instant leaseUntil, String leaseOwner, String messageId) {

    /** A claimed delivery, whose message is looked up when its attempt starts. */
    Job(Delivery delivery, byte[] body, Instant leaseUntil, String leaseOwner) {
      this(delivery, body, leaseUntil, leaseOwner, null);
    }

    int bodyLength() {
      return body == null ? 0 : body.length;
    }
  }

  /**
   * Whether the recorder may lease a new delivery of {@code targetId}, carrying a body of {@code
   * bodyLength} bytes, for this instance. Soft: a commit that records many may overshoot a little.
   * False while no worker runs here, so nothing waits in memory for a worker that will not come.
   */
  synchronized boolean hasRoom(String targetId, int bodyLength) {
    if (launcher == null || spilled.contains(targetId)) {
      return false;
    }
    Lane lane = lanes.get(targetId);
    boolean laneHasRoom =
        lane == null || lane.queued.size() + lane.inFlight < perTarget * QUEUED_PER_SLOT;
    if (laneHasRoom && bodyBytes + bodyLength <= BODY_BUDGET_BYTES) {
      return true;
    }
    if (spilled.add(targetId)) {
      spills++;
    }
    return false;
  }

  /** How often a lane has overflowed into the store since start. */
  synchronized long spills() {
    return spills;
  }

  /** Queues leased deliveries and starts what the caps allow. */
  void add(Collection<Job> jobs) {
    Starts start;
    synchronized (this) {
      for (Job job : jobs) {
        lanes.computeIfAbsent(job.delivery().targetId(), id -> new Lane()).queued.add(job);
        bodyBytes += job.bodyLength();
      }
      start = takeStartable();
    }
    start.launch();
  }

  /** Frees the slot of a finished attempt and starts what may run now. */
  void finished(Job job) {
    Starts start;
    synchronized (this) {
      String targetId = job.delivery().targetId();
      Lane lane = lanes.get(targetId);
      lane.inFlight--;
      running--;
      bodyBytes -= job.bodyLength();
      if (lane.inFlight == 0 && lane.queued.isEmpty()) {
        lanes.remove(targetId);
      }
      start = takeStartable();
    }
    start.launch();
  }

  /**
   * How many deliveries to claim from the store for each of {@code targetIds}: enough to fill each
   * lane to {@code per-target}, within the idle workers, shared round-robin. Targets with nothing
   * to gain are left out.
   */
  synchronized Map<String, Integer> claimRoom(List<String> targetIds) {
    int free = workers - running;
    Map<String, Integer> room = new LinkedHashMap<>();
    int count = targetIds.size();
    rotation = count == 0 ? 0 : (rotation + 1) % count;
    for (int i = 0; i < count && free > 0; i++) {
      String id = targetIds.get((rotation + i) % count);
      Lane lane = lanes.get(id);
      int want = lane == null ? perTarget : perTarget - lane.inFlight - lane.queued.size();
      if (want > 0) {
        int given = Math.min(want, free);
        room.put(id, given);
        free -= given;
      }
    }
    return room;
  }

  /**
   * Queues what a claim for {@code targetId} returned. A claim that found less than it asked for
   * has emptied the target's backlog in the store, so its fresh deliveries may skip the store
   * again.
   */
  void claimed(String targetId, int requested, List<Job> jobs) {
    if (jobs.size() < requested) {
      synchronized (this) {
        spilled.remove(targetId);
      }
    }
    add(jobs);
  }

  /** Starts attempts through {@code launcher} from now on, beginning with what already waits. */
  void start(Consumer<Job> launcher) {
    Starts start;
    synchronized (this) {
      this.launcher = launcher;
      start = takeStartable();
    }
    start.launch();
  }

  /** Starts nothing more, and hands back the queued deliveries that will not be attempted here. */
  synchronized List<Job> stop() {
    launcher = null;
    List<Job> dropped = new ArrayList<>();
    lanes.values().forEach(lane -> dropped.addAll(lane.queued));
    lanes.values().forEach(lane -> lane.queued.clear());
    dropped.forEach(job -> bodyBytes -= job.bodyLength());
    lanes.values().removeIf(lane -> lane.inFlight == 0);
    return dropped;
  }

  /**
   * Marks what may start now as running, one attempt per lane in turn, the lane that started one
   * least recently first; call with the lock held.
   */
  private Starts takeStartable() {
    if (launcher == null || running >= workers) {
      return new Starts(List.of(), launcher);
    }
    List<Lane> ready = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      if (lane.canStart()) {
        ready.add(lane);
      }
    }
    ready.sort(Comparator.comparingLong(lane -> lane.lastStarted));
    ArrayDeque<Lane> turns = new ArrayDeque<>(ready);
    List<Job> start = new ArrayList<>();
    while (running < workers && !turns.isEmpty()) {
      Lane lane = turns.poll();
      start.add(lane.queued.poll());
      lane.inFlight++;
      lane.lastStarted = ++starts;
      running++;
      if (lane.canStart()) {
        turns.add(lane);
      }
    }
    return new Starts(start, launcher);
  }

  /**
   * Attempts to start outside the lock, with the launcher that was current when they were taken.
   */
  private record Starts(List<Job> jobs, Consumer<Job> launcher) {
    void launch() {
      for (Job job : jobs) {
        launcher.accept(job);
      }
    }
  }

  private final class Lane {
    final ArrayDeque<Job> queued = new ArrayDeque<>();
    int inFlight;
    long lastStarted;

    boolean canStart() {
      return !queued.isEmpty() && inFlight < perTarget;
    }
  }
}
