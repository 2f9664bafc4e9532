package dev.maigw.emulator.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackTest {

  @Test
  void acceptsLocalhostThe127BlockAndIpv6Loopback() {
    assertThat(Loopback.isLoopbackHost("localhost")).isTrue();
    assertThat(Loopback.isLoopbackHost("LOCALHOST")).isTrue();
    assertThat(Loopback.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(Loopback.isLoopbackHost("127.45.6.7")).isTrue();
    assertThat(Loopback.isLoopbackHost("::1")).isTrue();
    assertThat(Loopback.isLoopbackHost("[::1]")).isTrue();
  }

  @Test
  void refusesOtherAddressesAndAnyOtherNameWithoutLookingItUp() {
    assertThat(Loopback.isLoopbackHost("10.0.0.1")).isFalse();
    assertThat(Loopback.isLoopbackHost("0.0.0.0")).isFalse();
    assertThat(Loopback.isLoopbackHost("128.0.0.1")).isFalse();
    assertThat(Loopback.isLoopbackHost("localhost.example.com")).isFalse();
    assertThat(Loopback.isLoopbackHost("127.0.0.1.nip.io")).isFalse();
    assertThat(Loopback.isLoopbackHost("::ffff:10.0.0.1")).isFalse();
    assertThat(Loopback.isLoopbackHost(null)).isFalse();
  }

  @Test
  void urlsMustBeHttpOnLoopback() {
    assertThat(Loopback.requireLoopbackUrl("X", "https://127.0.0.1:8443/h").getPort())
        .isEqualTo(8443);
    assertThatThrownBy(() -> Loopback.requireLoopbackUrl("X", "ftp://127.0.0.1/h"))
        .hasMessage("X must be an http(s) URL: ftp://127.0.0.1/h");
    assertThatThrownBy(() -> Loopback.requireLoopbackUrl("X", "http://user@evil.test/h"))
        .isInstanceOf(ConfigurationException.class);
  }
}
