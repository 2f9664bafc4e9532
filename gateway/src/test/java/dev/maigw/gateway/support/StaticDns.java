package dev.maigw.gateway.support;

import dev.maigw.gateway.system.net.HostSyntax;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A resolver for targets' host names that knows a few fixed {@code .test} names and nothing else,
 * so a test never sends a DNS query and its answers do not depend on the machine. Put it into a
 * gateway with {@code RunningGateway.startWith(props, StaticDns.Override.class)}.
 */
public final class StaticDns implements DnsResolver {

  /** Name to the addresses it resolves to; every other name does not resolve. */
  public static final Map<String, String[]> NAMES =
      Map.of(
          "loopback.test", new String[] {"127.0.0.1"},
          "intranet.test", new String[] {"10.0.0.7"},
          "metadata.test", new String[] {"169.254.169.254"},
          "public.test", new String[] {"93.184.215.14"},
          "mixed.test", new String[] {"93.184.215.14", "192.168.1.20"});

  @java.lang.Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String[] literals = NAMES.get(host);
    if (literals == null) {
      throw new UnknownHostException(host + ": not a name this test knows");
    }
    InetAddress[] addresses = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      addresses[i] = HostSyntax.literalAddress(literals[i]);
    }
    return addresses;
  }

  @java.lang.Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /** Replaces the gateway's target name resolver with a {@link StaticDns}. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Override {
    @Bean
    @Primary
    StaticDns staticDns() {
      return new StaticDns();
    }
  }
}
