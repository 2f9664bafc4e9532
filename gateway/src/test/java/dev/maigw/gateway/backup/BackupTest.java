package dev.maigw.gateway.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackupTest {

  @Test
  void copyTakenDuringIntakeHoldsEveryEarlierAcknowledgedWebhookAndRestores() throws Exception {
    Path restoredDir = Files.createTempDirectory("maigw-restore-");
    String name = "during-intake.db";
    List<String> acknowledgedBefore;
    Path copy;
    try (RunningGateway gateway = RunningGateway.start()) {
      Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
      AtomicBoolean posting = new AtomicBoolean(true);
      ExecutorService posters = startPosting(gateway, acknowledged, posting);
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
        acknowledgedBefore = new ArrayList<>(acknowledged);
        HttpResponse<String> created = gateway.postApi("/api/backup?name=" + name, "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"integrity\":\"ok\"");
        int atBackupEnd = acknowledged.size();
        // Intake went on around the backup, and still does.
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > atBackupEnd + 50);
      } finally {
        posting.set(false);
        posters.shutdown();
        assertThat(posters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      }
      copy = gateway.dataDir().resolve("backups").resolve(name);
      assertThat(Files.getPosixFilePermissions(copy))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(integrityCheck(copy)).isEqualTo("ok");
      Files.copy(copy, restoredDir.resolve("maigw.db"));
    }
    try (RunningGateway restored = RunningGateway.startOn(restoredDir, Map.of())) {
      MessageStore messages = restored.bean(MessageStore.class);
      assertThat(acknowledgedBefore)
          .allSatisfy(id -> assertThat(messages.find(id)).as(id).isPresent());
      String last = acknowledgedBefore.get(acknowledgedBefore.size() - 1);
      assertThat(restored.getApi("/api/messages/" + last).statusCode()).isEqualTo(200);
      assertThat(restored.postWebhook(Fixtures.reply("after-restore", "c-1")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void refusesToOverwriteAndRefusesPaths() throws Exception {
    try (RunningGateway gateway = RunningGateway.start()) {
      assertThat(gateway.postWebhook(Fixtures.reply("m-1", "c-1")).statusCode()).isEqualTo(200);
      assertThat(gateway.postApi("/api/backup?name=once.db", "").statusCode()).isEqualTo(201);
      Path copy = gateway.dataDir().resolve("backups").resolve("once.db");
      long size = Files.size(copy);

      HttpResponse<String> again = gateway.postApi("/api/backup?name=once.db", "");
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("\"code\":\"backup_exists\"");
      assertThat(Files.size(copy)).isEqualTo(size);
      assertThat(integrityCheck(copy)).isEqualTo("ok");

      HttpResponse<String> escape = gateway.postApi("/api/backup?name=..%2Fescaped.db", "");
      assertThat(escape.statusCode()).isEqualTo(400);
      assertThat(gateway.dataDir().resolve("escaped.db")).doesNotExist();

      HttpResponse<String> unnamed = gateway.postApi("/api/backup", "");
      assertThat(unnamed.statusCode()).isEqualTo(201);
      assertThat(unnamed.body()).contains(gateway.dataDir().resolve("backups").toString());
    }
  }

  @Test
  void requiresTheApiKey() {
    try (RunningGateway gateway = RunningGateway.start()) {
      HttpResponse<String> anonymous =
          gateway.post("/api/backup", new byte[0], Map.of("Content-Type", "application/json"));
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(gateway.dataDir().resolve("backups")).doesNotExist();
    }
  }

  private static ExecutorService startPosting(
      RunningGateway gateway, Queue<String> acknowledged, AtomicBoolean posting) {
    ExecutorService posters = Executors.newFixedThreadPool(4);
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < 4; t++) {
      posters.submit(
          () -> {
            while (posting.get()) {
              int n = next.incrementAndGet();
              String id = "m-" + n;
              if (gateway.postWebhook(Fixtures.reply(id, "c-" + n % 20)).statusCode() == 200) {
                acknowledged.add(id);
              }
            }
          });
    }
    return posters;
  }

  private static String integrityCheck(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
