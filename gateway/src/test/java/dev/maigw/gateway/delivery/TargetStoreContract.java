package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the target store must do on every database: create, update, enable and disable, delete
 * (ending what the target had not delivered), a version that moves with every change, and a
 * creation that two starting instances may race. Subclasses only say which database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TargetStoreContract {

  StoreFixture db;

  /** Gateway properties for the database under test (empty: the default SQLite file). */
  abstract Map<String, String> database();

  @BeforeAll
  void start() {
    Map<String, String> properties = new HashMap<>(database());
    properties.put("maigw.targets[0].name", "crm");
    properties.put("maigw.targets[0].url", "https://crm.example.com/hooks/maiagent");
    properties.put("maigw.targets[0].secret", StoreFixture.secret());
    properties.put("maigw.targets[0].conversation", "conv-configured");
    db = new StoreFixture(properties);
  }

  @AfterAll
  void stop() {
    db.close();
  }

  @Test
  void pagesTargetsOldestFirstAndATargetCreatedMeanwhileNeitherRepeatsNorHidesAnother() {
    for (int i = 0; i < 3; i++) {
      db.clock.advance(Duration.ofMillis(1));
      db.target("conv-page-targets", false);
    }

    List<String> seen = new ArrayList<>();
    String created = null;
    TargetStore.Position after = null;
    List<Target> page;
    do {
      page = db.targets.page(after, 2);
      page.forEach(t -> seen.add(t.id()));
      if (created == null) {
        db.clock.advance(Duration.ofMillis(1));
        created = db.target("conv-page-targets", false).id();
      }
      after = page.isEmpty() ? after : TargetStore.Position.of(page.get(page.size() - 1));
    } while (page.size() == 2);

    assertThat(seen).doesNotHaveDuplicates().contains(created);
    assertThat(seen).containsExactlyElementsOf(db.targets.list().stream().map(Target::id).toList());
  }

  @Test
  void createsATargetWithEverySettingEnabled() {
    TargetSettings settings =
        new TargetSettings(
            "ts-create",
            "https://a.example.com/hook",
            List.of("outgoing", "incoming"),
            "conv-a",
            "sender-1",
            "hello",
            Map.of("X-Tenant", "42"),
            Duration.ofMillis(2500),
            true);
    String secret = StoreFixture.secret();

    Target created = db.targets.create(settings, "ts-create", secret);

    assertThat(db.targets.find("ts-create")).contains(created);
    assertThat(created.name()).isEqualTo("ts-create");
    assertThat(created.url()).isEqualTo("https://a.example.com/hook");
    assertThat(created.secret()).isEqualTo(secret);
    assertThat(created.messageTypes()).containsExactly("outgoing", "incoming");
    assertThat(created.conversationFilter()).isEqualTo("conv-a");
    assertThat(created.senderFilter()).isEqualTo("sender-1");
    assertThat(created.contentFilter()).isEqualTo("hello");
    assertThat(created.headers()).isEqualTo(Map.of("X-Tenant", "42"));
    assertThat(created.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(created.ordered()).isTrue();
    assertThat(created.enabled()).isTrue();
    assertThat(created.createdAt()).isEqualTo(db.clock.instant());
    assertThat(db.targets.list()).contains(created);
  }

  @Test
  void updatesSettingsButNotTheSecretOrStateAndMovesTheVersion() {
    Target target = db.target("conv-ts-update", false);
    db.targets.setEnabled(target.id(), false, "paused");
    long before = db.targets.version();
    db.clock.advance(Duration.ofSeconds(1));

    boolean updated =
        db.targets.update(target.id(), StoreFixture.settings("renamed", "conv-other", null, true));

    Target after = db.targets.find(target.id()).orElseThrow();
    assertThat(updated).isTrue();
    assertThat(db.targets.version()).isGreaterThan(before);
    assertThat(after.name()).isEqualTo("renamed");
    assertThat(after.conversationFilter()).isEqualTo("conv-other");
    assertThat(after.ordered()).isTrue();
    assertThat(after.secret()).isEqualTo(target.secret());
    assertThat(after.enabled()).isFalse();
    assertThat(after.updatedAt()).isEqualTo(db.clock.instant());
    assertThat(db.targets.update("no-such-target", StoreFixture.settings("x", null, null, false)))
        .isFalse();
  }

  @Test
  void disablesWithAReasonAndEnablesAgainEachTimeMovingTheVersion() {
    Target target = db.target("conv-ts-enable", false);
    long start = db.targets.version();

    assertThat(db.targets.setEnabled(target.id(), false, "Disabled through the API.")).isTrue();
    Target disabled = db.targets.find(target.id()).orElseThrow();
    long afterDisable = db.targets.version();
    assertThat(db.targets.setEnabled(target.id(), true, null)).isTrue();
    Target enabled = db.targets.find(target.id()).orElseThrow();

    assertThat(disabled.enabled()).isFalse();
    assertThat(disabled.disabledReason()).isEqualTo("Disabled through the API.");
    assertThat(enabled.enabled()).isTrue();
    assertThat(enabled.disabledReason()).isNull();
    assertThat(afterDisable).isGreaterThan(start);
    assertThat(db.targets.version()).isGreaterThan(afterDisable);
    assertThat(db.targets.setEnabled("no-such-target", false, "x")).isFalse();
  }

  @Test
  void deletesATargetAndSaysWhenThereWasNone() {
    Target target = db.target("conv-ts-delete", false);
    long before = db.targets.version();

    assertThat(db.targets.delete(target.id())).isTrue();

    assertThat(db.targets.find(target.id())).isEmpty();
    assertThat(db.targets.version()).isGreaterThan(before);
    assertThat(db.targets.delete(target.id())).isFalse();
  }

  @Test
  void deletingATargetCancelsWhatItHadNotDeliveredAndRecreatingItRevivesNothing() {
    Target target = db.target("cfg-recreated", "conv-ts-cancel", false);
    long delivered = db.store("ts-cancel-1", "conv-ts-cancel");
    long dead = db.store("ts-cancel-2", "conv-ts-cancel");
    db.store("ts-cancel-3", "conv-ts-cancel");
    db.store("ts-cancel-4", "conv-ts-cancel");
    List<Job> jobs = db.claim(target, 3);
    db.record(jobs.get(0), 200, Delivery.DELIVERED);
    db.record(jobs.get(1), 500, Delivery.DEAD);
    Job inFlight = jobs.get(2);

    db.targets.delete(target.id());
    db.target("cfg-recreated", "conv-ts-cancel", false);

    List<Delivery> all = db.deliveries.list(null, "cfg-recreated", null, 10);
    assertThat(all).hasSize(4);
    assertThat(all)
        .filteredOn(d -> d.messageSeq() == delivered)
        .extracting(Delivery::status)
        .containsExactly(Delivery.DELIVERED);
    assertThat(all)
        .filteredOn(d -> d.messageSeq() != delivered)
        .allSatisfy(
            d -> {
              assertThat(d.status()).isEqualTo(Delivery.CANCELLED);
              assertThat(d.lastError()).isEqualTo("The target was deleted.");
            });
    assertThat(all)
        .filteredOn(d -> d.messageSeq() == dead)
        .extracting(Delivery::lastStatus)
        .containsExactly(500);
    db.clock.advance(StoreFixture.LEASE.multipliedBy(2));
    assertThat(db.claim(db.targets.find("cfg-recreated").orElseThrow(), 10)).isEmpty();
    assertThat(db.deliveries.replay(null, "cfg-recreated", null, null)).isZero();
    assertThat(db.record(inFlight, 200, Delivery.DELIVERED)).as("in flight at delete").isFalse();
    TargetHealth health = db.deliveries.health("cfg-recreated");
    assertThat(health.pending()).isZero();
    assertThat(health.cancelled()).isEqualTo(3);
    assertThat(health.delivered()).isEqualTo(1);

    long fresh = db.store("ts-cancel-5", "conv-ts-cancel");
    assertThat(db.claim(db.targets.find("cfg-recreated").orElseThrow(), 10))
        .extracting(j -> j.delivery().messageSeq())
        .containsExactly(fresh);
  }

  @Test
  void createOrUpdateCreatesOnceThenUpdatesKeepingOrReplacingTheSecret() {
    String first = StoreFixture.secret();
    String second = StoreFixture.secret();

    boolean created =
        db.targets.createOrUpdate(
            StoreFixture.settings("ts-upsert", null, "x", false), "ts-upsert", first, true);
    boolean createdAgain =
        db.targets.createOrUpdate(
            StoreFixture.settings("ts-upsert", null, "y", true), "ts-upsert", second, true);
    Target kept = db.targets.find("ts-upsert").orElseThrow();
    db.targets.createOrUpdate(
        StoreFixture.settings("ts-upsert", null, "z", true), "ts-upsert", second, false);
    Target replaced = db.targets.find("ts-upsert").orElseThrow();

    assertThat(created).isTrue();
    assertThat(createdAgain).isFalse();
    assertThat(kept.secret()).isEqualTo(first);
    assertThat(kept.contentFilter()).isEqualTo("y");
    assertThat(kept.ordered()).isTrue();
    assertThat(replaced.secret()).isEqualTo(second);
    assertThat(replaced.contentFilter()).isEqualTo("z");
  }

  @Test
  void createOrUpdateRacedFromManyThreadsCreatesTheTargetOnce() throws Exception {
    List<Boolean> created =
        race(
            8,
            () ->
                db.targets.createOrUpdate(
                    StoreFixture.settings("ts-race", null, "race", false),
                    "ts-race",
                    StoreFixture.secret(),
                    true));

    assertThat(created).containsOnlyOnce(true);
    assertThat(db.targets.list()).filteredOn(t -> t.id().equals("ts-race")).hasSize(1);
  }

  @Test
  void configuredTargetsSyncedByInstancesStartingAtOnceAreCreatedOnce() throws Exception {
    ConfiguredTargetSync sync = db.gateway.bean(ConfiguredTargetSync.class);
    for (int round = 0; round < 5; round++) {
      db.targets.delete("cfg-crm");

      race(
          4,
          () -> {
            sync.run(null);
            return true;
          });

      assertThat(db.targets.list()).filteredOn(t -> t.name().equals("crm")).hasSize(1);
    }
  }

  @Test
  void aConfiguredTargetRenamedThroughTheApiIsTakenBackByItsId() {
    db.targets.update(
        "cfg-crm", StoreFixture.settings("crm-renamed", "conv-configured", null, false));

    db.gateway.bean(ConfiguredTargetSync.class).run(null);

    assertThat(db.targets.find("cfg-crm").orElseThrow().name()).isEqualTo("crm");
    assertThat(db.targets.list()).filteredOn(t -> t.name().equals("crm-renamed")).isEmpty();
  }

  /** Runs {@code call} from {@code threads} threads released at the same moment. */
  private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier together = new CyclicBarrier(threads);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  together.await();
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
