package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the delivery store must do on every database: claims, leases and who may settle, release,
 * replay, listing, attempts and health. Subclasses only say which database. Time is the settable
 * clock's; nothing sleeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryStoreContract {

  StoreFixture db;

  /** Gateway properties for the database under test (empty: the default SQLite file). */
  abstract Map<String, String> database();

  @BeforeAll
  void start() {
    db = new StoreFixture(database());
  }

  @AfterAll
  void stop() {
    db.close();
  }

  @Test
  void claimsDueDeliveriesOldestFirstUpToTheAskedNumberAndCountsTheAttempt() {
    Target target = db.target("conv-claim", false);
    long first = db.store("dc-claim-1", "conv-claim");
    db.clock.advance(Duration.ofMillis(1));
    long second = db.store("dc-claim-2", "conv-claim");
    db.clock.advance(Duration.ofMillis(1));
    long third = db.store("dc-claim-3", "conv-claim");

    List<Job> claimed = db.claim(target, 2);

    assertThat(claimed).extracting(j -> j.delivery().messageSeq()).containsExactly(first, second);
    assertThat(claimed).allSatisfy(j -> assertThat(j.delivery().attempts()).isEqualTo(1));
    assertThat(claimed).allSatisfy(j -> assertThat(j.leaseOwner()).isNotBlank());
    assertThat(claimed.get(0).leaseUntil())
        .isEqualTo(db.clock.instant().plus(StoreFixture.LEASE).plus(StoreFixture.TIMEOUT));
    assertThat(db.claim(target, 5))
        .extracting(j -> j.delivery().messageSeq())
        .containsExactly(third);
    assertThat(db.claim(target, 5)).isEmpty();
  }

  @Test
  void claimsForEachTargetNoMoreThanAskedForIt() {
    Target one = db.target("conv-limits", false);
    Target two = db.target("conv-limits", false);
    for (int i = 0; i < 3; i++) {
      db.store("dc-limits-" + i, "conv-limits");
    }

    Map<String, List<Job>> claimed =
        db.deliveries.claimDue(Map.of(one, 1, two, 3), StoreFixture.LEASE);

    assertThat(claimed.get(one.id())).hasSize(1);
    assertThat(claimed.get(two.id())).hasSize(3);
  }

  @Test
  void claimsNothingForADisabledTargetOrBeforeTheNextAttemptIsDue() {
    Target target = db.target("conv-not-due", false);
    db.store("dc-not-due-1", "conv-not-due");
    Job job = db.claim(target, 1).get(0);
    db.deliveries
        .recordAttempt(
            job, failed(), Delivery.PENDING, db.clock.instant().plusSeconds(5), false, null)
        .join();

    assertThat(db.claim(target, 1)).isEmpty();
    db.targets.setEnabled(target.id(), false, "test");
    db.clock.advance(Duration.ofSeconds(5));
    assertThat(db.claim(target, 1)).isEmpty();
    db.targets.setEnabled(target.id(), true, null);
    assertThat(db.claim(target, 1)).hasSize(1);
  }

  @Test
  void anOrderedTargetHoldsBackALaterReplyOfAConversationUntilTheEarlierIsSettled() {
    Target target = db.targetForContent("dc-order-", true);
    long a1 = db.store("dc-order-a1", "conv-order-a");
    long a2 = db.store("dc-order-a2", "conv-order-a");
    long b1 = db.store("dc-order-b1", "conv-order-b");

    List<Job> claimed = db.claim(target, 5);

    assertThat(claimed).extracting(j -> j.delivery().messageSeq()).containsExactly(a1, b1);
    db.record(claimed.get(0), 200, Delivery.DELIVERED);
    assertThat(db.claim(target, 5)).extracting(j -> j.delivery().messageSeq()).containsExactly(a2);
  }

  @Test
  void takesADeliveryAgainOnlyAfterItsLeaseRunsOut() {
    Target target = db.target("conv-lease", false);
    db.store("dc-lease-1", "conv-lease");
    Job first = db.claim(target, 1).get(0);

    db.clock.advance(StoreFixture.LEASE);
    assertThat(db.claim(target, 1)).isEmpty();
    db.clock.advance(StoreFixture.TIMEOUT.plusMillis(1));
    List<Job> again = db.claim(target, 1);

    assertThat(again).hasSize(1);
    assertThat(again.get(0).delivery().id()).isEqualTo(first.delivery().id());
    assertThat(again.get(0).delivery().attempts()).isEqualTo(2);
    assertThat(again.get(0).leaseOwner()).isNotEqualTo(first.leaseOwner());
  }

  @Test
  void aWorkerWhoseLeaseRanOutChangesNothingButItsAttemptIsShown() {
    Target target = db.target("conv-stale", false);
    db.store("dc-stale-1", "conv-stale");
    Job stale = db.claim(target, 1).get(0);
    db.clock.advance(StoreFixture.LEASE.plus(StoreFixture.TIMEOUT).plusMillis(1));
    Job current = db.claim(target, 1).get(0);

    assertThat(db.record(stale, 500, Delivery.DEAD)).isFalse();

    Delivery afterStale = db.delivery(current);
    assertThat(afterStale.status()).isEqualTo(Delivery.PENDING);
    assertThat(afterStale.lastStatus()).isNull();
    assertThat(db.claim(target, 1)).as("the new holder keeps its lease").isEmpty();
    assertThat(db.record(current, 200, Delivery.DELIVERED)).isTrue();
    assertThat(db.record(stale, 503, Delivery.PENDING)).isFalse();
    assertThat(db.record(current, 503, Delivery.PENDING)).as("settled once only").isFalse();

    Delivery settled = db.delivery(current);
    assertThat(settled.status()).isEqualTo(Delivery.DELIVERED);
    assertThat(settled.lastStatus()).isEqualTo(200);
    assertThat(db.claim(target, 1)).isEmpty();
    List<DeliveryAttempt> attempts = db.deliveries.attempts(current.delivery().id());
    assertThat(attempts)
        .extracting(DeliveryAttempt::statusCode)
        .containsExactly(500, 200, 503, 503);
    assertThat(attempts)
        .extracting(DeliveryAttempt::leaseLost)
        .containsExactly(true, false, true, true);
  }

  @Test
  void aDeliveryLeasedInItsMessagesCommitCarriesAnOwnerOnlyItsHolderCanSettleWith() {
    Target target = db.target("conv-fast", false);
    DeliveryLanes lanes = db.gateway.bean(DeliveryLanes.class);
    List<Job> started = new CopyOnWriteArrayList<>();
    lanes.start(started::add);
    try {
      db.store("dc-fast-1", "conv-fast");
    } finally {
      lanes.stop();
    }

    assertThat(started).hasSize(1);
    Job job = started.get(0);
    assertThat(job.leaseOwner()).isNotBlank();
    assertThat(db.claim(target, 1)).as("leased already").isEmpty();
    Job forged = new Job(job.delivery(), null, job.leaseUntil(), "someone-else");
    assertThat(db.record(forged, 200, Delivery.DELIVERED)).isFalse();
    assertThat(db.record(job, 200, Delivery.DELIVERED)).isTrue();
    assertThat(db.delivery(job).attempts()).isEqualTo(1);
  }

  @Test
  void tellsTheLogWhetherALostLeaseWasTakenOverOrItsDeliveryCancelled() {
    Target target = db.target("conv-lost", false);
    db.store("dc-lost-1", "conv-lost");
    Job job = db.claim(target, 1).get(0);
    Job forged = new Job(job.delivery(), null, job.leaseUntil(), "someone-else");

    assertThat(db.recorded(forged, 500, Delivery.PENDING))
        .isEqualTo(new DeliveryStore.Recorded(false, Delivery.PENDING));
    assertThat(db.targets.delete(target.id())).isTrue();
    assertThat(db.recorded(job, 200, Delivery.DELIVERED))
        .isEqualTo(new DeliveryStore.Recorded(false, Delivery.CANCELLED));
  }

  @Test
  void releaseGivesBackOnlyALeaseThatIsStillHeld() {
    Target target = db.target("conv-release", false);
    db.store("dc-release-1", "conv-release");
    Job first = db.claim(target, 1).get(0);

    db.deliveries.releaseLeases(List.of(first));
    Job second = db.claim(target, 1).get(0);
    db.deliveries.releaseLeases(List.of(first));

    assertThat(second.delivery().attempts()).as("the released claim cost nothing").isEqualTo(1);
    assertThat(db.claim(target, 1)).as("a stale release leaves the lease alone").isEmpty();
    db.deliveries.releaseLeases(List.of(second));
    assertThat(db.claim(target, 1)).hasSize(1);
  }

  @Test
  void replaysDeadDeliveriesMatchingEveryFilter() {
    Target target = db.targetForContent("dc-replay-", false);
    Instant start = db.clock.instant();
    Job a = deadDelivery(target, "dc-replay-a", "conv-replay-a");
    db.clock.advance(Duration.ofMinutes(1));
    Instant later = db.clock.instant();
    Job b = deadDelivery(target, "dc-replay-b", "conv-replay-b");
    Job c = deadDelivery(target, "dc-replay-c", "conv-replay-a");

    assertThat(db.deliveries.replay(null, "no-such-target", null, null)).isZero();
    assertThat(db.deliveries.replay(null, target.id(), "conv-replay-a", later)).isEqualTo(1);
    assertThat(db.delivery(c).status()).isEqualTo(Delivery.PENDING);
    assertThat(db.delivery(c).attempts()).isZero();
    assertThat(db.deliveries.replay(b.delivery().id(), null, null, null)).isEqualTo(1);
    assertThat(db.delivery(a).status()).isEqualTo(Delivery.DEAD);
    assertThat(db.deliveries.replay(null, target.id(), null, start)).isEqualTo(1);
    assertThat(db.claim(target, 5)).hasSize(3);
    assertThat(db.deliveries.replay(null, target.id(), null, null)).as("none dead").isZero();
  }

  @Test
  void listsDeliveriesByMessageTargetAndStatusNewestFirst() {
    Target one = db.target("conv-list", false);
    Target two = db.target("conv-list", false);
    long first = db.store("dc-list-1", "conv-list");
    db.clock.advance(Duration.ofMillis(1));
    long second = db.store("dc-list-2", "conv-list");
    db.record(db.claim(one, 1).get(0), 200, Delivery.DELIVERED);

    assertThat(db.deliveries.list(null, one.id(), null, 10))
        .extracting(Delivery::messageSeq)
        .containsExactly(second, first);
    assertThat(db.deliveries.list(null, one.id(), Delivery.DELIVERED, 10))
        .extracting(Delivery::messageSeq)
        .containsExactly(first);
    assertThat(db.deliveries.list(first, null, null, 10))
        .extracting(Delivery::targetId)
        .containsExactlyInAnyOrder(one.id(), two.id());
    assertThat(db.deliveries.list(null, two.id(), Delivery.PENDING, 1))
        .extracting(Delivery::messageSeq)
        .containsExactly(second);
  }

  @Test
  void pagesDeliveriesOfOneMessageOneByOneThoughTheyShareTimeAndMessage() {
    List<String> targetIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      targetIds.add(db.target("conv-page-tie", false).id());
    }
    long seq = db.store("dc-page-tie", "conv-page-tie");

    List<String> seen = new ArrayList<>();
    DeliveryStore.Position after = null;
    for (int page = 0; page < 3; page++) {
      List<Delivery> one = db.deliveries.page(seq, null, null, after, 1);
      assertThat(one).hasSize(1);
      seen.add(one.get(0).targetId());
      after = DeliveryStore.Position.of(one.get(0));
    }

    assertThat(seen).containsExactlyInAnyOrderElementsOf(targetIds);
    assertThat(db.deliveries.page(seq, null, null, after, 1)).isEmpty();
  }

  @Test
  void aDeliveryRecordedWhileAClientPagesNeitherRepeatsNorHidesAnother() {
    Target target = db.target("conv-page-insert", false);
    List<Long> stored = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      db.clock.advance(Duration.ofMillis(1));
      stored.add(db.store("dc-page-insert-" + i, "conv-page-insert"));
    }

    List<Delivery> first = db.deliveries.page(null, target.id(), null, null, 2);
    db.clock.advance(Duration.ofMillis(1));
    long newer = db.store("dc-page-insert-new", "conv-page-insert");
    List<Delivery> second =
        db.deliveries.page(null, target.id(), null, DeliveryStore.Position.of(first.get(1)), 2);

    assertThat(first)
        .extracting(Delivery::messageSeq)
        .containsExactly(stored.get(2), stored.get(1));
    assertThat(second).extracting(Delivery::messageSeq).containsExactly(stored.get(0));
    assertThat(db.deliveries.page(null, target.id(), null, null, 1))
        .extracting(Delivery::messageSeq)
        .containsExactly(newer);
  }

  @Test
  void keepsEveryAttemptInOrderWithWhatTheTargetAnswered() {
    Target target = db.target("conv-attempts", false);
    db.store("dc-attempts-1", "conv-attempts");
    Job job = db.claim(target, 1).get(0);
    Instant startedAt = db.clock.instant();
    db.deliveries
        .recordAttempt(
            job,
            new DeliveryAttempt(0, startedAt, 42, 503, null, "busy", false),
            Delivery.PENDING,
            db.clock.instant(),
            false,
            null)
        .join();
    db.record(db.claim(target, 1).get(0), null, Delivery.PENDING);

    List<DeliveryAttempt> attempts = db.deliveries.attempts(job.delivery().id());

    assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2);
    assertThat(attempts.get(0))
        .isEqualTo(new DeliveryAttempt(1, startedAt, 42, 503, null, "busy", false));
    assertThat(attempts.get(1).error()).startsWith("connect_refused");
    Delivery delivery = db.delivery(job);
    assertThat(delivery.attempts()).isEqualTo(2);
    assertThat(delivery.lastError()).startsWith("connect_refused");
  }

  @Test
  void reportsATargetsCountsSuccessRateAndLatestFailure() {
    Target target = db.target("conv-health", false);
    for (int i = 0; i < 4; i++) {
      db.store("dc-health-" + i, "conv-health");
    }
    List<Job> jobs = db.claim(target, 3);
    db.record(jobs.get(0), 200, Delivery.DELIVERED);
    db.clock.advance(Duration.ofMillis(1));
    db.record(jobs.get(1), 500, Delivery.DEAD);
    db.clock.advance(Duration.ofMillis(1));
    db.record(jobs.get(2), 200, Delivery.DELIVERED);

    TargetHealth health = db.deliveries.health(target.id());

    assertThat(health).isEqualTo(new TargetHealth(target.id(), 1, 2, 1, 0, "HTTP 500"));
    assertThat(health.successRate()).isEqualTo(2.0 / 3);
    assertThat(db.deliveries.health("no-such-target").successRate()).isNull();
  }

  @Test
  void healthFollowsEveryChangeOfStatus() {
    Target target = db.target("conv-health-flow", false);
    for (int i = 0; i < 5; i++) {
      db.store("dc-health-flow-" + i, "conv-health-flow");
    }
    assertThat(db.deliveries.health(target.id())).isEqualTo(counted(target.id(), null));

    List<Job> jobs = db.claim(target, 3);
    db.record(jobs.get(0), 200, Delivery.DELIVERED);
    db.clock.advance(Duration.ofMillis(1));
    db.record(jobs.get(1), 502, Delivery.DEAD);
    db.clock.advance(Duration.ofMillis(1));
    db.record(jobs.get(2), null, Delivery.DEAD);
    assertThat(db.deliveries.health(target.id()))
        .isEqualTo(counted(target.id(), "connect_refused: no answer"))
        .isEqualTo(new TargetHealth(target.id(), 2, 1, 2, 0, "connect_refused: no answer"));

    assertThat(db.deliveries.replay(null, target.id(), null, null)).isEqualTo(2);
    assertThat(db.deliveries.health(target.id()).pending()).isEqualTo(4);
    assertThat(db.deliveries.health(target.id()))
        .isEqualTo(counted(target.id(), "connect_refused: no answer"));

    assertThat(db.targets.delete(target.id())).isTrue();
    assertThat(db.deliveries.health(target.id()))
        .isEqualTo(counted(target.id(), "connect_refused: no answer"))
        .isEqualTo(new TargetHealth(target.id(), 0, 1, 0, 4, "connect_refused: no answer"));
  }

  /** The oracle: the target's deliveries counted one by one. */
  private TargetHealth counted(String targetId, String lastError) {
    JdbcClient jdbc = db.gateway.bean(JdbcClient.class);
    java.util.function.Function<String, Long> count =
        status ->
            jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE target_id = ? AND status = ?")
                .params(targetId, status)
                .query(Long.class)
                .single();
    return new TargetHealth(
        targetId,
        count.apply(Delivery.PENDING),
        count.apply(Delivery.DELIVERED),
        count.apply(Delivery.DEAD),
        count.apply(Delivery.CANCELLED),
        lastError);
  }

  private Job deadDelivery(Target target, String messageId, String conversation) {
    db.store(messageId, conversation);
    Job job = db.claim(target, 1).get(0);
    db.record(job, 500, Delivery.DEAD);
    return job;
  }

  private DeliveryAttempt failed() {
    return new DeliveryAttempt(0, db.clock.instant(), 1, 500, null, null, false);
  }
}
