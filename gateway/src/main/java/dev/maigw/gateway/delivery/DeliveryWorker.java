package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.outbound.GuardedHttpClient;
import dev.maigw.gateway.delivery.outbound.OutboundAddressPolicy;
import dev.maigw.gateway.delivery.outbound.OutboundCallException;
import dev.maigw.gateway.delivery.outbound.OutboundResponse;
import dev.maigw.gateway.delivery.outbound.TargetUrl;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: leases them (attempt counted at claim), signs the stored body the Standard
 * Webhooks way, POSTs it through the SSRF-guarded client, and records the attempt and the next step
 * in one commit: 2xx delivered; 410 disables the target; anything else retried on the schedule
 * ({@code Retry-After} honoured) until the delivery is dead. A slow or failing target holds at most
 * {@code per-target} workers, so it never slows the others.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int SNIPPET_CHARS = 500;

  private final DeliveryStore deliveries;
  private final EnabledTargets targets;
  private final MessageStore messages;
  private final DeliveryProperties properties;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final DeliveryWakeUps wakeUps;
  private final Semaphore workerSlots;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final GuardedHttpClient http;
  private final HandlerTargets handlers;
  private ExecutorService workers;
  private Thread loop;
  private volatile boolean running;

  DeliveryWorker(
      DeliveryStore deliveries,
      EnabledTargets targets,
      MessageStore messages,
      DeliveryProperties properties,
      DeliveryWakeUps wakeUps,
      HandlerTargets handlers,
      Clock clock) {
    this.handlers = handlers;
    this.deliveries = deliveries;
    this.wakeUps = wakeUps;
    this.targets = targets;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.schedule =
        new RetrySchedule(properties.retrySchedule(), properties.jitter(), new java.util.Random());
    this.workerSlots = new Semaphore(properties.workers());
    this.http =
        GuardedHttpClient.builder(OutboundAddressPolicy.parse(properties.forwardAllow()))
            .maxConnections(properties.workers() * 2, properties.perTarget())
            .build();
  }

  private void runLoop() {
    while (running) {
      try {
        wakeUps.await(properties.poll());
        if (running) {
          dispatchDue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Looking for due deliveries failed: {}", e.toString());
      }
    }
  }

  private void dispatchDue() {
    int free = workerSlots.availablePermits();
    if (free == 0) {
      return;
    }
    List<String> busy =
        inFlight.entrySet().stream()
            .filter(e -> e.getValue().get() >= properties.perTarget())
            .map(Map.Entry::getKey)
            .toList();
    Instant leaseUntil = clock.instant().plus(properties.lease());
    for (Delivery delivery : deliveries.claimDue(leaseUntil, busy, free)) {
      workerSlots.acquireUninterruptibly();
      inFlight.computeIfAbsent(delivery.targetId(), id -> new AtomicInteger()).incrementAndGet();
      workers.execute(() -> attempt(delivery));
    }
  }

  private void attempt(Delivery delivery) {
    try {
      Optional<Target> target =
          targets.all().stream().filter(t -> t.id().equals(delivery.targetId())).findFirst();
      List<StoredMessage> message = messages.findBySeqs(List.of(delivery.messageSeq()));
      if (target.isEmpty() || message.isEmpty()) {
        return; // disabled or deleted meanwhile: the lease runs out and it waits
      }
      if (HandlerTargets.isHandler(target.get())) {
        handle(delivery, target.get(), message.get(0));
      } else {
        send(delivery, target.get(), message.get(0).body());
      }
    } catch (RuntimeException e) {
      log.error("Delivery {} failed unexpectedly", delivery.id(), e);
    } finally {
      inFlight.get(delivery.targetId()).decrementAndGet();
      workerSlots.release();
      wakeUps.signal();
    }
  }

  private void send(Delivery delivery, Target target, byte[] body) {
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
            response == null ? null : snippet(response.bodySnippet()));
    settle(delivery, target, attempt, response);
  }

  /** Calls an in-process handler; a throw counts like a failed HTTP attempt. */
  private void handle(Delivery delivery, Target target, StoredMessage message) {
    Optional<MessageHandler> handler = handlers.forTarget(target);
    Instant started = clock.instant();
    long start = System.nanoTime();
    String error = null;
    if (handler.isEmpty()) {
      error = "no_handler: no MessageHandler named " + target.name() + " in this gateway";
    } else {
      try {
        handler.get().handle(delivery.id(), message);
      } catch (Exception e) {
        error = "handler_failed: " + e;
      }
    }
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            0, started, Duration.ofNanos(System.nanoTime() - start).toMillis(), null, error, null);
    OutboundResponse outcome =
        error == null ? new OutboundResponse(200, Map.of(), new byte[0], Duration.ZERO) : null;
    settle(delivery, target, attempt, outcome);
  }

  private void settle(
      Delivery delivery, Target target, DeliveryAttempt attempt, OutboundResponse response) {
    if (response != null && response.isSuccess()) {
      logFailure(
          delivery,
          deliveries.recordAttempt(delivery, attempt, Delivery.DELIVERED, null, false, null));
      return;
    }
    if (response != null && response.status() == 410) {
      log.warn("ALERT target {} answered 410 Gone and is disabled", target.id());
      logFailure(
          delivery,
          deliveries
              .recordAttempt(
                  delivery, attempt, Delivery.DEAD, null, true, "The target answered 410 Gone.")
              .thenRun(targets::reload));
      return;
    }
    Optional<Instant> next =
        schedule.nextAttempt(delivery.attempts(), clock.instant(), retryAfter(response));
    logFailure(
        delivery,
        deliveries.recordAttempt(
            delivery,
            attempt,
            next.isPresent() ? Delivery.PENDING : Delivery.DEAD,
            next.orElse(null),
            false,
            null));
  }

  /** A lost record only means the delivery is sent again when its lease runs out. */
  private static void logFailure(Delivery delivery, CompletableFuture<?> recorded) {
    recorded.whenComplete(
        (ignored, failure) -> {
          if (failure != null) {
            log.warn("Recording delivery {} failed: {}", delivery.id(), failure.toString());
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
    running = true;
    workers =
        Executors.newFixedThreadPool(
            properties.workers(),
            r -> {
              Thread thread = new Thread(r, "delivery-worker");
              thread.setDaemon(true);
              return thread;
            });
    loop = new Thread(this::runLoop, "delivery-dispatcher");
    loop.setDaemon(true);
    loop.start();
  }

  /** Stops taking new deliveries; attempts in flight finish (or their lease runs out). */
  @Override
  public void stop() {
    running = false;
    wakeUps.signal();
    workers.shutdown();
    try {
      loop.join(5_000);
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server (no new messages) and before the writer closes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }
}
