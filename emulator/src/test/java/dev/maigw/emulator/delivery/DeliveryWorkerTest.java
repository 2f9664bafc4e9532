package dev.maigw.emulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.fault.FaultSwitch;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.testing.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {
  private static final Duration RETRY = Duration.ofMillis(20);

  private final FaultSwitch faults = new FaultSwitch();
  private WebhookReceiver receiver;
  private WebhookTarget target;
  private DeliveryWorker worker;

  @BeforeEach
  void start() throws IOException {
    receiver = WebhookReceiver.start();
    target = new WebhookTarget(URI.create(receiver.url()));
    worker = worker(RETRY);
  }

  private DeliveryWorker worker(Duration retryDelay) {
    return worker(retryDelay, Duration.ofSeconds(2));
  }

  private DeliveryWorker worker(Duration retryDelay, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return new DeliveryWorker(
        new WebhookSender(client, target, timeout, Clock.systemUTC()),
        new RetrySchedule(List.of(retryDelay, retryDelay, retryDelay)),
        faults,
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    worker.close();
    receiver.close();
  }

  private static Outbound reply(String id) {
    String body = "{\"id\":\"" + id + "\",\"conversation\":\"c\",\"content\":\"" + id + "\"}";
    return new Outbound(id, "c", body.getBytes(StandardCharsets.UTF_8));
  }

  private DeliveryRecord only() {
    assertThat(worker.deliveries()).hasSize(1);
    return worker.deliveries().get(0);
  }

  @Test
  void retriesAnythingButExactly200UntilItGets200() {
    receiver.answerWith(500, 201, 204);

    worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> only().state() == DeliveryState.DELIVERED);
    assertThat(only().attempts())
        .extracting(DeliveryAttempt::statusCode)
        .containsExactly(500, 201, 204, 200);
    assertThat(only().attempts()).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3, 4);
    assertThat(receiver.rawBodies()).hasSize(4).allMatch(body -> body.contains("\"m1\""));
  }

  @Test
  void givesUpAfterTheLastScheduledAttemptAndKeepsTheRecord() {
    receiver.answerWith(503, 503, 503, 503, 503);

    worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> only().state() == DeliveryState.GAVE_UP);
    assertThat(only().attempts()).hasSize(4);
    assertThat(only().attempts().get(3).responseSnippet()).isEqualTo("{\"error\":\"no\"}");
    assertThat(only().nextAttemptAt()).isNull();
  }

  @Test
  void connectionErrorsCountAsFailuresAndAreRetried() throws IOException {
    WebhookReceiver closed = WebhookReceiver.start();
    target.set(closed.url());
    closed.close();

    worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> only().state() == DeliveryState.GAVE_UP);
    DeliveryAttempt first = only().attempts().get(0);
    assertThat(first.statusCode()).isNull();
    assertThat(first.error()).contains("ConnectException");
    assertThat(first.latencyMillis()).isNotNegative();
  }

  @Test
  void slowAnswersTimeOutAndAreRetried() {
    worker.close();
    worker = worker(RETRY, Duration.ofMillis(150));
    receiver.delayAnswers(Duration.ofMillis(600));

    worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> only().state() == DeliveryState.DELIVERED);
    DeliveryAttempt first = only().attempts().get(0);
    assertThat(first.statusCode()).isNull();
    assertThat(first.error()).contains("HttpTimeoutException");
    assertThat(only().attempts().get(1).statusCode()).isEqualTo(200);
  }

  @Test
  void dropFaultRecordsEveryAttemptAsFailedSendsNothingAndGivesUp() {
    faults.set(Faults.none().withDropWebhooks(true));

    worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> only().state() == DeliveryState.GAVE_UP);
    assertThat(only().attempts()).hasSize(4);
    assertThat(only().attempts()).extracting(DeliveryAttempt::statusCode).containsOnlyNulls();
    assertThat(only().attempts())
        .extracting(DeliveryAttempt::error)
        .containsOnly(WebhookSender.DROPPED);
    assertThat(receiver.rawBodies()).isEmpty();
  }

  @Test
  void switchingTheDropFaultOffLetsTheNextRetryThrough() {
    worker.close();
    worker = worker(Duration.ofMillis(300));
    faults.set(Faults.none().withDropWebhooks(true));

    worker.submit(reply("m1"));
    await().atMost(Duration.ofSeconds(5)).until(() -> only().attempts().size() >= 1);
    faults.set(Faults.none());

    await().atMost(Duration.ofSeconds(5)).until(() -> only().state() == DeliveryState.DELIVERED);
    assertThat(only().attempts().get(0).error()).isEqualTo(WebhookSender.DROPPED);
    assertThat(receiver.rawBodies()).containsExactly(reply("m1").bodyText());
  }

  @Test
  void duplicateFaultSendsTheSameBodyNTimes() {
    faults.set(Faults.none().withDeliveryCopies(3));

    List<String> ids = worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.rawBodies().size() == 3);
    assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    assertThat(receiver.rawBodies()).containsOnly(reply("m1").bodyText());
    assertThat(worker.deliveries()).extracting(DeliveryRecord::copy).containsExactly(1, 2, 3);
  }

  @Test
  void outOfOrderFaultHoldsABatchThenSendsItNewestFirst() {
    faults.set(Faults.none().withOutOfOrderBatch(3));

    worker.submit(reply("m1"));
    worker.submit(reply("m2"));
    assertThat(worker.deliveries())
        .extracting(DeliveryRecord::state)
        .containsOnly(DeliveryState.HELD);
    worker.submit(reply("m3"));

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.contents().size() == 3);
    assertThat(receiver.contents()).containsExactly("m3", "m2", "m1");
  }

  @Test
  void releasingHeldRepliesSendsThemNowNewestFirst() {
    faults.set(Faults.none().withOutOfOrderBatch(5));
    worker.submit(reply("m1"));
    worker.submit(reply("m2"));

    assertThat(worker.releaseHeld()).isEqualTo(2);

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.contents().size() == 2);
    assertThat(receiver.contents()).containsExactly("m2", "m1");
  }

  @Test
  void extraDeliveryDelayPostponesTheFirstAttempt() {
    faults.set(Faults.none().withExtraDeliveryDelay(Duration.ofMillis(300)));
    long submitted = System.nanoTime();

    worker.submit(reply("m1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.rawBodies().size() == 1);
    assertThat(Duration.ofNanos(System.nanoTime() - submitted))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void resetDropsScheduledRetriesAndForgetsDeliveries() throws InterruptedException {
    Duration retryDelay = Duration.ofMillis(300);
    worker.close();
    worker = worker(retryDelay);
    receiver.answerWith(500);
    worker.submit(reply("m1"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> worker.deliveries().get(0).state() == DeliveryState.RETRYING);

    worker.reset();
    Thread.sleep(retryDelay.multipliedBy(2).toMillis());

    assertThat(worker.deliveries()).isEmpty();
    assertThat(receiver.rawBodies()).hasSize(1);
  }
}
