package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadScenarioTest {

  private static final RequestIds IDS = new RequestIds("bench-load-");
  private static final Duration WARMUP = Duration.ofMillis(100);
  private static final Duration MEASURED = Duration.ofMillis(400);

  private final LoadScenario load = new LoadScenario(Clock.systemUTC());

  @Test
  void closedLoopAcknowledgesExactlyWhatTheServerAccepted() throws Exception {
    try (TestReceiver receiver = TestReceiver.start()) {
      ScenarioResult result = run(receiver, new Load.ClosedLoop(4));

      assertThat(result.requests()).isGreaterThan(20);
      assertThat(result.non200()).isZero();
      assertThat(result.ioErrors()).isZero();
      assertThat(result.reconnects()).isZero();
      assertThat(result.latencyMicros().getTotalCount()).isEqualTo(result.requests());
      assertThat(acknowledgedIds(result)).isEqualTo(receiver.received());
    }
  }

  @Test
  void countsNon200AndDoesNotAcknowledgeThem() throws Exception {
    try (TestReceiver receiver = TestReceiver.start().failingWith503(n -> n % 5 == 0)) {
      ScenarioResult result = run(receiver, new Load.ClosedLoop(2));

      assertThat(result.non200()).isPositive();
      assertThat(result.ioErrors()).isZero();
      assertThat(acknowledgedIds(result)).isEqualTo(receiver.received());
      long sent = result.logs().stream().mapToLong(ConnectionLog::sent).sum();
      assertThat(result.acknowledged()).isLessThan(sent);
    }
  }

  @Test
  void reconnectsWhenTheServerSaysConnectionClose() throws Exception {
    // Every answer closes, and the window is long enough for a second request even on a loaded
    // machine (a shorter one once saw too few requests for any reconnect).
    try (TestReceiver receiver = TestReceiver.start().closingAfter(n -> true)) {
      ScenarioResult result = run(receiver, new Load.ClosedLoop(2), Duration.ofMillis(1500));

      assertThat(result.reconnects()).isPositive();
      assertThat(result.ioErrors()).isZero();
      assertThat(result.non200()).isZero();
      assertThat(acknowledgedIds(result)).isEqualTo(receiver.received());
    }
  }

  @Test
  void fixedRateSendsNoMoreThanTheScheduleAllows() throws Exception {
    try (TestReceiver receiver = TestReceiver.start()) {
      // 200/s for 0.4 s measured: 80 intended sends, 20 ms apart on each of 4 connections.
      ScenarioResult result = run(receiver, new Load.FixedRate(200, 4));

      assertThat(result.requests()).isBetween(60L, 84L);
      assertThat(result.requestsPerSecond()).isBetween(150.0, 210.0);
      assertThat(result.non200()).isZero();
      assertThat(acknowledgedIds(result)).isEqualTo(receiver.received());
    }
  }

  @Test
  void countsRefusedConnectionsAsIoErrorsAndStopsOnTime() throws Exception {
    String url;
    try (TestReceiver receiver = TestReceiver.start()) {
      url = receiver.url("/maiagent/webhook");
    }
    Scenario scenario =
        new Scenario(
            0, Scenario.Endpoint.DURABLE, LoopbackTarget.parse(url), new Load.ClosedLoop(2));
    long started = System.nanoTime();

    ScenarioResult result =
        load.run(
            scenario, new WebhookRequestTemplate(scenario.target(), IDS), WARMUP, MEASURED, null);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(result.ioErrors()).isPositive().isEqualTo(result.requests());
    assertThat(result.acknowledged()).isZero();
    assertThat(result.firstError()).startsWith("ConnectException");
  }

  private ScenarioResult run(TestReceiver receiver, Load shape) {
    return run(receiver, shape, MEASURED);
  }

  private ScenarioResult run(TestReceiver receiver, Load shape, Duration measured) {
    Scenario scenario =
        new Scenario(
            0,
            Scenario.Endpoint.DURABLE,
            LoopbackTarget.parse(receiver.url("/maiagent/webhook")),
            shape);
    WebhookRequestTemplate requests = new WebhookRequestTemplate(scenario.target(), IDS);
    return load.run(scenario, requests, WARMUP, measured, null);
  }

  private static Set<String> acknowledgedIds(ScenarioResult result) {
    Set<String> ids = new HashSet<>();
    for (ConnectionLog log : result.logs()) {
      log.acknowledged().stream()
          .forEach(s -> ids.add(IDS.idOf(RequestIds.number(log.scenario(), log.connection(), s))));
    }
    return ids;
  }
}
