package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import dev.maigw.gateway.delivery.outbound.GuardedHttpClient;
import dev.maigw.gateway.delivery.outbound.OutboundAddressPolicy;
import dev.maigw.gateway.delivery.outbound.OutboundCallException;
import dev.maigw.gateway.delivery.outbound.OutboundResponse;
import dev.maigw.gateway.delivery.outbound.TargetUrl;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.DaemonThreads;
import dev.maigw.gateway.system.Loops;
import dev.maigw.gateway.system.PollingLoop;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Attempts the deliveries the {@link DeliveryLanes} start: signs the stored body the Standard
 * Webhooks way, POSTs it through the SSRF-guarded client, and records the attempt and the next step
 * in one commit: 2xx delivered; 410 disables the target; anything else retried on the schedule
 * ({@code Retry-After} honoured) until the delivery is dead. Fresh deliveries usually arrive leased
 * from their message's commit; a dispatcher thread claims the rest (retries, replays, leases that
 * ran out) from the store, counting the attempt at claim.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int SNIPPET_CHARS = 500;

  /** Headroom between an attempt's deadline and its lease's end. */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

  private final DeliveryStore deliveries;
  private final EnabledTargets targets;
  private final MessageStore messages;
  private final DeliveryProperties properties;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final DeliveryWakeUps wakeUps;
  private final DeliveryLanes lanes;
  private final GuardedHttpClient http;
  private final HandlerTargets handlers;
  private final PollingLoop claims;
  private final DeliveryMetrics metrics;
  private ExecutorService workers;
  private HandlerRunner handlerCalls;
  private volatile boolean backlog;

  DeliveryWorker(
      DeliveryStore deliveries,
      EnabledTargets targets,
      MessageStore messages,
      DeliveryProperties properties,
      DeliveryWakeUps wakeUps,
      DeliveryLanes lanes,
      HandlerTargets handlers,
      OutboundAddressPolicy policy,
      DnsResolver names,
      DeliveryMetrics metrics,
      Clock clock,
      Loops loops) {
    this.metrics = metrics;
    this.handlers = handlers;
    this.deliveries = deliveries;
    this.wakeUps = wakeUps;
    this.lanes = lanes;
    this.targets = targets;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.schedule =
        new RetrySchedule(properties.retrySchedule(), properties.jitter(), new java.util.Random());
    this.http =
        GuardedHttpClient.builder(policy)
            .dnsResolver(names)
            .maxConnections(properties.workers() * 2, properties.perTarget())
            .build();
    this.claims =
        new PollingLoop("delivery-claims", wakeUps, properties.poll(), this::claimDue, loops);
  }

  /** One claim pass, as the dispatcher thread makes on every wake-up; for tests. */
  void runDueOnce() {
    claimDue();
  }

  /**
   * Claims what is due from the store (retries, replays, deliveries another instance or a full lane
   * left unleased, leases that ran out) for the slots no lane has promised away.
   */
  private void claimDue() {
    List<Target> enabled = targets.all();
    Map<String, Integer> room = lanes.claimRoom(enabled.stream().map(Target::id).toList());
    if (room.isEmpty()) {
      return;
    }
    Map<Target, Integer> wanted = new LinkedHashMap<>();
    for (Target target : enabled) {
      Integer count = room.get(target.id());
      if (count != null) {
        wanted.put(target, count);
      }
    }
    boolean more = false;
    for (Map.Entry<String, List<Job>> claimed :
        deliveries.claimDue(wanted, properties.lease()).entrySet()) {
      int requested = room.get(claimed.getKey());
      // A full claim suggests more is due: look again as soon as a slot frees up.
      more |= claimed.getValue().size() == requested;
      lanes.claimed(claimed.getKey(), requested, claimed.getValue());
    }
    backlog = more;
  }

  private void launch(Job job) {
    try {
      workers.execute(() -> attempt(job));
    } catch (RejectedExecutionException stopping) {
      lanes.finished(job); // shutting down: the lease runs out and the delivery waits
    }
  }

  private void attempt(Job job) {
    Delivery delivery = job.delivery();
    try {
      Optional<Target> target =
          targets.all().stream().filter(t -> t.id().equals(delivery.targetId())).findFirst();
      if (target.isEmpty()) {
        return; // disabled or deleted meanwhile: the lease runs out and it waits
      }
      if (clock
          .instant()
          .plus(target.get().timeout())
          .plus(LEASE_MARGIN)
          .isAfter(job.leaseUntil())) {
        // Queued so long that the attempt could outlast the lease and race a second worker.
        log.debug("Delivery {} waited past its lease; it is claimed again later", delivery.id());
        return;
      }
      if (HandlerTargets.isHandler(target.get())) {
        List<StoredMessage> message = messages.findBySeqs(List.of(delivery.messageSeq()));
        if (!message.isEmpty()) {
          StoredMessage stored = message.get(0);
          settle(job, target.get(), stored.messageId(), handle(delivery, target.get(), stored));
        }
        return;
      }
      byte[] body = job.body();
      String messageId = job.messageId();
      if (body == null) {
        List<StoredMessage> message = messages.findBySeqs(List.of(delivery.messageSeq()));
        if (message.isEmpty()) {
          return;
        }
        body = message.get(0).body();
        messageId = message.get(0).messageId();
      }
      settle(job, target.get(), messageId, send(delivery, target.get(), body));
    } catch (RuntimeException e) {
      log.error("Delivery {} failed unexpectedly", delivery.id(), e);
    } finally {
      lanes.finished(job);
      if (backlog) {
        wakeUps.signal();
      }
    }
  }

  /**
   * What one attempt produced: its record, and the response if one came (or a handler returned).
   */
  private record Outcome(DeliveryAttempt attempt, OutboundResponse response) {}

  private Outcome send(Delivery delivery, Target target, byte[] body) {
    Instant started = clock.instant();
    Map<String, String> headers = new HashMap<>(target.headers());
    headers.putAll(WebhookSigner.headers(target.secret(), delivery.id(), started, body));
    OutboundResponse response = null;
    String error = null;
    long start = System.nanoTime();
    try {
      response = http.post(TargetUrl.parse(target.url()), body, headers, target.timeout());
    } catch (OutboundCallException e) {
      error = e.reason().code() + ": " + e.getMessage();
    }
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            0,
            started,
            Duration.ofNanos(System.nanoTime() - start).toMillis(),
            response == null ? null : response.status(),
            error,
            response == null ? null : snippet(response.bodySnippet()),
            false);
    return new Outcome(attempt, response);
  }

  /**
   * Calls an in-process handler, bounded by the target's timeout; a throw or a timeout counts like
   * a failed HTTP attempt.
   */
  private Outcome handle(Delivery delivery, Target target, StoredMessage message) {
    Optional<MessageHandler> handler = handlers.forTarget(target);
    DeliveryAttempt attempt =
        handler.isPresent()
            ? handlerCalls.call(handler.get(), delivery.id(), message, target.timeout())
            : new DeliveryAttempt(
                0,
                clock.instant(),
                0,
                null,
                "no_handler: no MessageHandler named " + target.name() + " in this gateway",
                null,
                false);
    return new Outcome(
        attempt,
        attempt.error() == null
            ? new OutboundResponse(200, Map.of(), new byte[0], Duration.ZERO)
            : null);
  }

  private void settle(Job job, Target target, String messageId, Outcome outcome) {
    DeliveryAttempt attempt = outcome.attempt();
    OutboundResponse response = outcome.response();
    Attempted attempted = new Attempted(job, target, messageId, attempt);
    if (response != null && response.isSuccess()) {
      metrics.attempted(job.delivery(), DeliveryMetrics.DELIVERED, clock.instant());
      afterRecord(
          attempted, null, deliveries.record(job, attempt, Delivery.DELIVERED, null, false, null));
      return;
    }
    if (response != null && response.status() == 410) {
      log.warn("ALERT target {} answered 410 Gone and is disabled", target.id());
      metrics.attempted(job.delivery(), DeliveryMetrics.GONE, clock.instant());
      CompletableFuture<DeliveryStore.Recorded> recorded =
          deliveries.record(
              job, attempt, Delivery.DEAD, null, true, "The target answered 410 Gone.");
      // Completes on the writer thread, which must not wait for a read.
      recorded.thenRun(targets::reloadSoon);
      afterRecord(attempted, null, recorded);
      return;
    }
    Optional<Instant> next =
        schedule.nextAttempt(job.delivery().attempts(), clock.instant(), retryAfter(response));
    metrics.attempted(
        job.delivery(),
        next.isPresent() ? DeliveryMetrics.RETRY : DeliveryMetrics.DEAD,
        clock.instant());
    afterRecord(
        attempted,
        next.orElse(null),
        deliveries.record(
            job,
            attempt,
            next.isPresent() ? Delivery.PENDING : Delivery.DEAD,
            next.orElse(null),
            false,
            null));
  }

  /** One attempt made, for its log line. */
  private record Attempted(Job job, Target target, String messageId, DeliveryAttempt attempt) {}

  /**
   * Logs the attempt's outcome once its record is in. A lost record only means the delivery is sent
   * again when its lease runs out. Once an ordered target's record is in, the conversation's next
   * delivery may be claimed: look now.
   */
  private void afterRecord(
      Attempted attempted,
      Instant nextAttemptAt,
      CompletableFuture<DeliveryStore.Recorded> record) {
    // Runs on the writer thread: signal and log only, never a query.
    record.whenComplete(
        (recorded, failure) -> {
          if (failure != null) {
            DeliveryLog.notRecorded(
                attempted.job(),
                attempted.target(),
                attempted.messageId(),
                attempted.attempt(),
                failure);
            return;
          }
          DeliveryLog.attempt(
              attempted.job(),
              attempted.target(),
              attempted.messageId(),
              attempted.attempt(),
              nextAttemptAt,
              recorded);
          if (attempted.target().ordered()) {
            wakeUps.signal();
          }
        });
  }

  /** {@code Retry-After} in seconds on 429 and 503, else null (HTTP dates are not honoured). */
  private static Duration retryAfter(OutboundResponse response) {
    if (response == null || (response.status() != 429 && response.status() != 503)) {
      return null;
    }
    String value = response.headers().get("retry-after");
    if (value == null || !value.trim().matches("\\d{1,9}")) {
      return null;
    }
    return Duration.ofSeconds(Long.parseLong(value.trim()));
  }

  private static String snippet(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
  }

  @Override
  public void start() {
    workers =
        Executors.newFixedThreadPool(properties.workers(), DaemonThreads.named("delivery-worker"));
    handlerCalls = new HandlerRunner(clock, LEASE_MARGIN.dividedBy(2));
    lanes.start(this::launch);
    claims.start();
  }

  /**
   * Stops taking new deliveries and gives back the leases of those only queued here; attempts in
   * flight finish (or their lease runs out).
   */
  @Override
  public void stop() {
    claims.stop();
    List<Job> dropped = lanes.stop();
    try {
      deliveries.releaseLeases(dropped);
    } catch (RuntimeException e) {
      log.warn("Releasing {} queued deliveries failed; their leases run out", dropped.size(), e);
    }
    workers.shutdown();
    try {
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    handlerCalls.close();
    http.close();
  }

  @Override
  public boolean isRunning() {
    return claims.isRunning();
  }

  /** Stops after the web server (no new messages) and before the writer closes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }
}
