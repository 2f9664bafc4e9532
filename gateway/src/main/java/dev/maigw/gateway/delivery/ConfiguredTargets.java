package dev.maigw.gateway.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Targets declared in configuration ({@code application.yml} or properties), created or updated by
 * name at every start, e.g.:
 *
 * <pre>
 * maigw:
 *   targets:
 *     - name: crm
 *       url: https://crm.example.com/hooks/maiagent
 *       secret: whsec_...            # required: the receiver verifies with it
 *       message-types: [outgoing]
 *       ordered: true
 *       headers: { X-Tenant: "42" }
 * </pre>
 *
 * @param targets default none
 */
@ConfigurationProperties("maigw")
public record ConfiguredTargets(@DefaultValue List<Target> targets) {

  /**
   * One declared target; the fields mean what they mean in {@code POST /api/targets}.
   *
   * @param timeout default 10s
   */
  public record Target(
      String name,
      String url,
      String secret,
      @DefaultValue("outgoing") List<String> messageTypes,
      String conversation,
      String sender,
      String contentContains,
      @DefaultValue Map<String, String> headers,
      @DefaultValue("10s") Duration timeout,
      @DefaultValue("false") boolean ordered) {}
}
