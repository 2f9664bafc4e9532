package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the gateway process under load loses no acknowledged message. Each cycle
 * starts the gateway as its own JVM on the same data directory, loads it with unique ids, and kills
 * it at a random moment; afterwards every id that got a 200 must be in the SQLite file, which must
 * pass {@code integrity_check}. Cycles: {@code -Dmaigw.crash.cycles} (default 3).
 */
class CrashRecoveryTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final int SENDERS = 8;

  @Test
  void losesNoAcknowledgedMessageWhenKilledUnderLoad() throws Exception {
    int cycles = Integer.getInteger("maigw.crash.cycles", 3);
    long seed = Long.getLong("maigw.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Path dataDir = Files.createTempDirectory("maigw-crash-");
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> sent = ConcurrentHashMap.newKeySet();

    for (int cycle = 0; cycle < cycles; cycle++) {
      int port = RunningGateway.freePort();
      try (GatewayProcess gateway =
          GatewayProcess.start(dataDir, port, dataDir.resolve("gateway-" + cycle + ".log"))) {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
          String prefix = "crash-" + cycle + "-" + s + "-";
          senders.submit(() -> send(port, prefix, running, sent, acked));
        }
        Thread.sleep(1_000 + random.nextInt(2_000));
        gateway.kill();
        running.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      }
    }

    Set<String> stored = storedIds(dataDir.resolve("maigw.db"));
    assertThat(acked).as("acknowledged ids (seed %d)", seed).isNotEmpty();
    assertThat(stored).as("every acknowledged id is stored (seed %d)", seed).containsAll(acked);
    assertThat(sent).as("nothing is stored that was not sent").containsAll(stored);
    assertThat(integrityCheck(dataDir.resolve("maigw.db"))).isEqualTo("ok");
  }

  private static void send(
      int port, String prefix, AtomicBoolean running, Set<String> sent, Set<String> acked) {
    for (int n = 0; running.get(); n++) {
      String id = prefix + n;
      sent.add(id);
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/maiagent/webhook"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.reply(id, "conv-crash")))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          acked.add(id);
        }
      } catch (IOException e) {
        return; // the gateway died under us, as intended
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Set<String> storedIds(Path db) throws Exception {
    Set<String> ids = new HashSet<>();
    List<String> all = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT message_id FROM messages")) {
      while (rs.next()) {
        all.add(rs.getString(1));
        ids.add(rs.getString(1));
      }
    }
    assertThat(all).hasSameSizeAs(ids);
    return ids;
  }

  private static String integrityCheck(Path db) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
