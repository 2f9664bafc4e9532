package dev.maigw.gateway.delivery.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetUrlTest {

  @Test
  void parsesHttpsWithDefaultPortAndKeepsPathAndQuery() {
    TargetUrl url = TargetUrl.parse("HTTPS://Hooks.Example.COM/MaiAgent/Replies?Key=A%20B");

    assertThat(url)
        .isEqualTo(new TargetUrl("https", "hooks.example.com", 443, "/MaiAgent/Replies?Key=A%20B"));
  }

  @Test
  void defaultsHttpToPort80AndAnEmptyPathToSlash() {
    assertThat(TargetUrl.parse("http://hooks.example.com"))
        .isEqualTo(new TargetUrl("http", "hooks.example.com", 80, "/"));
  }

  @Test
  void keepsIpv6LiteralsWithoutBrackets() {
    TargetUrl url = TargetUrl.parse("http://[2606:2800:220:1::1]:8080/hook");

    assertThat(url.host()).isEqualTo("2606:2800:220:1::1");
    assertThat(url.origin()).isEqualTo("http://[2606:2800:220:1::1]:8080");
  }

  @Test
  void showsOnlyTheOriginWhenPrinted() {
    TargetUrl url = TargetUrl.parse("https://hooks.example.com/hook?token=secret");

    assertThat(url).hasToString("https://hooks.example.com:443");
    assertThat(url.toUri()).hasToString("https://hooks.example.com:443/hook?token=secret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                  | The target URL is empty.",
        "ftp://hooks.example.com/            | The target URL scheme is not supported: 'ftp'.",
        "javascript:alert(1)                 | The target URL scheme is not supported: 'javascript'.",
        "//hooks.example.com/                | The target URL must be absolute, like https://host/path.",
        "http:hooks.example.com              | The target URL must be absolute, like https://host/path.",
        "https://hooks.example.com/#frag     | The target URL must not contain a fragment.",
        "http://hooks.example.com:0/         | The target URL port is out of range: '0'.",
        "http://hooks.example.com:65536/     | The target URL port is out of range: '65536'.",
        "http://hooks.example.com:http/      | The target URL port is out of range: 'http'.",
        "http://hooks..example.com/          | The target URL host is neither a DNS name nor a canonical IP address: 'hooks..example.com'.",
        "http://-hooks.example.com/          | The target URL host is neither a DNS name nor a canonical IP address: '-hooks.example.com'.",
        "http://hooks_1.example.com/         | The target URL host is neither a DNS name nor a canonical IP address: 'hooks_1.example.com'.",
        "http://2130706433/                  | The target URL host is neither a DNS name nor a canonical IP address: '2130706433'.",
        "http://0x7f.1/                      | The target URL host is neither a DNS name nor a canonical IP address: '0x7f.1'.",
        "http://[::ffff:0177.0.0.1]/         | The target URL host is not a valid IPv6 literal: '[::ffff:0177.0.0.1]'.",
        "http://[fe80::1%25eth0]/            | The target URL host is not a valid IPv6 literal: '[fe80::1%25eth0]'.",
        "http://[1:2]/                       | The target URL is not a valid URL: IPv6 address too short at index 8.",
        "http://[::1]x/                      | The target URL is not a valid URL: Expected port number at index 12.",
        "http://a b/                         | The target URL is not a valid URL: Illegal character in authority at index 7.",
      })
  void refusesWithAMessageNamingTheOffendingPart(String text, String message) {
    assertThatThrownBy(() -> TargetUrl.parse(text))
        .isInstanceOfSatisfying(
            TargetUrlException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_target_url");
              assertThat(e.status().value()).isEqualTo(400);
            })
        .hasMessage(message);
  }

  @Test
  void refusesUserInfoWithoutEchoingTheCredentials() {
    assertThatThrownBy(() -> TargetUrl.parse("https://user:pw_CANARY@hooks.example.com/"))
        .isInstanceOf(TargetUrlException.class)
        .hasMessage(
            "The target URL must not contain user info; put credentials in the target's settings.")
        .message()
        .doesNotContain("pw_CANARY");
  }

  @Test
  void refusesUrlsLongerThanTheCap() {
    String url = "https://hooks.example.com/" + "a".repeat(TargetUrl.MAX_LENGTH);

    assertThatThrownBy(() -> TargetUrl.parse(url))
        .isInstanceOf(TargetUrlException.class)
        .hasMessage("The target URL is longer than 2048 characters.");
  }

  @Test
  void percentEncodesNonAsciiPathCharacters() {
    assertThat(TargetUrl.parse("https://hooks.example.com/caf\u00e9").pathAndQuery())
        .isEqualTo("/caf%C3%A9");
  }

  @Test
  void validatesPartsBuiltWithoutParsing() {
    assertThatThrownBy(() -> new TargetUrl("http", "127.1", 80, "/"))
        .isInstanceOf(TargetUrlException.class);
    assertThatThrownBy(() -> new TargetUrl("http", "hooks.example.com", 80, "hook"))
        .hasMessage("The target URL path must start with '/'.");
    assertThatThrownBy(() -> new TargetUrl("http", "hooks.example.com", 80, "/a b\r\nX: y"))
        .hasMessage("The target URL path holds a character that must be percent-encoded.");
  }
}
