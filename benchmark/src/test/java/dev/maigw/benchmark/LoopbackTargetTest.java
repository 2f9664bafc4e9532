package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTargetTest {

  @Test
  void keepsPortPathAndHostHeaderOfLoopbackUrl() {
    LoopbackTarget target = LoopbackTarget.parse("http://127.0.0.1:8080/maiagent/webhook?x=1");

    assertThat(target.address().isLoopbackAddress()).isTrue();
    assertThat(target.port()).isEqualTo(8080);
    assertThat(target.hostHeader()).isEqualTo("127.0.0.1:8080");
    assertThat(target.path()).isEqualTo("/maiagent/webhook?x=1");
  }

  @Test
  void defaultsToPort80AndRootPath() {
    LoopbackTarget target = LoopbackTarget.parse("http://localhost");

    assertThat(target.port()).isEqualTo(80);
    assertThat(target.path()).isEqualTo("/");
    assertThat(target.hostHeader()).isEqualTo("localhost");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/x",
        "http://127.255.10.3:9/x",
        "http://LOCALHOST:8080/x",
        "http://[::1]:8080/x",
        "http://[0:0:0:0:0:0:0:1]:8080/x"
      })
  void acceptsLoopbackHosts(String url) {
    assertThat(LoopbackTarget.parse(url).address().isLoopbackAddress()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.0.0.5:8080/x",
        "http://0.0.0.0:8080/x",
        "http://128.0.0.1:8080/x",
        "http://127.0.0.256:8080/x",
        "http://example.com/x",
        "http://127.0.0.1.nip.io/x",
        "http://localhost.example.com/x",
        "http://[::2]:8080/x",
        "http://[::ffff:10.0.0.1]:8080/x"
      })
  void refusesEveryOtherHost(String url) {
    assertThatThrownBy(() -> LoopbackTarget.parse(url))
        .isInstanceOf(BenchmarkException.class)
        .hasMessage(
            "Refusing non-loopback target; only 127.0.0.0/8, ::1 and localhost are allowed: "
                + url);
  }

  @Test
  void refusesHttps() {
    assertThatThrownBy(() -> LoopbackTarget.parse("https://127.0.0.1/x"))
        .isInstanceOf(BenchmarkException.class)
        .hasMessage("Target URL must start with http://: https://127.0.0.1/x");
  }

  @Test
  void refusesMalformedUrl() {
    assertThatThrownBy(() -> LoopbackTarget.parse("http://127.0.0.1:80 80/x"))
        .isInstanceOf(BenchmarkException.class)
        .hasMessage("Target URL is not a valid URL: http://127.0.0.1:80 80/x");
  }
}
