package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.support.RunningGateway;
import org.junit.jupiter.api.Test;

/** The in-memory target list only ever shows what the store has committed. */
class EnabledTargetsTest {

  @Test
  void aTargetReadInsideABatchThatRolledBackIsNeverPublished() {
    try (RunningGateway gateway = RunningGateway.start()) {
      GroupCommitWriter writer = gateway.bean(GroupCommitWriter.class);
      EnabledTargets enabled = gateway.bean(EnabledTargets.class);

      assertThatThrownBy(
              () ->
                  writer.write(
                      session -> {
                        session
                            .jdbc()
                            .sql(
                                """
                                INSERT INTO targets (target_id, secret, name, url, message_types,
                                    headers, timeout_ms, ordered, enabled, created_at_ms,
                                    updated_at_ms)
                                VALUES ('phantom', 's', 'phantom', 'https://p.example.com/', '',
                                    '{}', 1000, 0, 1, 0, 0)
                                """)
                            .update();
                        TargetStore.markChanged(session);
                        // A message in this batch would be matched against the new target.
                        assertThat(enabled.current(session))
                            .extracting(Target::id)
                            .contains("phantom");
                        throw new IllegalStateException("the batch fails after the read");
                      }))
          .hasMessage("the batch fails after the read");

      assertThat(enabled.all()).extracting(Target::id).doesNotContain("phantom");
      // Nor does a phantom's version hide the next real change from the reload.
      gateway
          .bean(TargetStore.class)
          .create(StoreFixture.settings("real", null, null, false), "real", StoreFixture.secret());
      enabled.reload();
      assertThat(enabled.all()).extracting(Target::id).containsExactly("real");
    }
  }
}
