package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The console's target pages show header credentials and URL secrets masked, never as stored. */
class ConsoleTargetSecretsTest {

  @Test
  void targetListAndEditFormNeverShowTheStoredSecrets() {
    try (RunningGateway gateway = RunningGateway.start()) {
      HttpResponse<String> created =
          gateway.postApi(
              "/api/targets",
              """
              {"name":"crm","url":"https://crm.example.com/hook?token=CANARY_console_url",
               "headers":{"Authorization":"Basic CANARY_console_header"}}
              """);
      String id = JsonMapper.builder().build().readTree(created.body()).get("id").asString();
      ConsoleHttp http = new ConsoleHttp(gateway);
      String cookie = http.signIn();

      String list = http.get("/console/targets", cookie).body();
      String form = http.get("/console/targets/" + id + "/edit", cookie).body();

      assertThat(list).doesNotContain("CANARY").contains("crm.example.com");
      assertThat(form).doesNotContain("CANARY").contains("Authorization: ••••");
    }
  }
}
