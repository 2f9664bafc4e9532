package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's target form refuses an undeliverable URL with the API's explanation. */
class TargetFormRefusalTest {

  @Test
  void showsWhyALoopbackTargetIsRefusedAndHowToAllowIt() {
    try (RunningGateway gateway = RunningGateway.start()) {
      ConsoleHttp http = new ConsoleHttp(gateway);
      String cookie = http.signIn();
      String csrf = ConsoleHttp.csrf(http.get("/console/targets/new", cookie).body());

      HttpResponse<String> answer =
          http.post(
              "/console/targets",
              cookie,
              Map.of(
                  "_csrf", csrf,
                  "name", "local receiver",
                  "url", "http://127.0.0.1:9000/hooks",
                  "messageTypes", "outgoing",
                  "timeoutMs", "10000"),
              Map.of("Origin", gateway.url("")));

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
      assertThat(answer.body())
          .contains("id=\"target-error\"")
          .contains("127.0.0.1 is in 127.0.0.0/8, not a public address")
          .contains("MAIGW_FORWARD_ALLOW")
          .contains("value=\"local receiver\"");
      assertThat(http.get("/console/targets", cookie).body()).doesNotContain("local receiver");
    }
  }
}
