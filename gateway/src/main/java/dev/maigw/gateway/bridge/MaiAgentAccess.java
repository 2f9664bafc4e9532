package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.LogRedaction;
import dev.maigw.gateway.system.Problem;
import dev.maigw.sdk.client.MaiAgentClient;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The MaiAgent client, or a clear 503 when no MaiAgent API key is configured. Shared by every
 * feature that calls MaiAgent's API (the bridge, reconciliation).
 */
@Component
public class MaiAgentAccess implements AutoCloseable {

  private final MaiAgentClient client;

  MaiAgentAccess(BridgeProperties properties) {
    LogRedaction.protect(properties.apiKey());
    this.client =
        properties.isConfigured()
            ? MaiAgentClient.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey().trim())
                .requestTimeout(properties.requestTimeout())
                .build()
            : null;
  }

  /** The client, or empty when no MaiAgent API key is configured. */
  public Optional<MaiAgentClient> configured() {
    return Optional.ofNullable(client);
  }

  MaiAgentClient client() {
    if (client == null) {
      throw new GatewayException(
          Problem.BRIDGE_NOT_CONFIGURED,
          "Set MAIAGENT_API_KEY (and MAIAGENT_BASE_URL, MAIAGENT_WEB_CHAT_ID) to use the bridge.");
    }
    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
