package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.outbound.OutboundAddressPolicy;
import dev.maigw.gateway.delivery.outbound.TargetAddressCheck;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one outbound address policy ({@code MAIGW_FORWARD_ALLOW}) and the one name resolver, shared
 * by the delivery client and by the check that refuses undeliverable targets when they are created,
 * so both apply the same rule to the same answers.
 */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

  @Bean
  OutboundAddressPolicy forwardPolicy(DeliveryProperties properties) {
    return OutboundAddressPolicy.parse(properties.forwardAllow());
  }

  /** The system resolver; tests replace it so that they never send a DNS query. */
  @Bean
  DnsResolver targetNames() {
    return SystemDefaultDnsResolver.INSTANCE;
  }

  @Bean
  TargetAddressCheck targetAddressCheck(OutboundAddressPolicy policy, DnsResolver names) {
    return new TargetAddressCheck(policy, names);
  }
}
