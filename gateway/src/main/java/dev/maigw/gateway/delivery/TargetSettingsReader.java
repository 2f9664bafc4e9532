package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.outbound.TargetAddressCheck;
import dev.maigw.gateway.delivery.outbound.TargetUrl;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a target's settings from an API or console body and refuses a URL no delivery could ever
 * reach (422 {@code target_url_not_allowed}), the same way for {@code POST} and {@code PUT}.
 */
@Component
class TargetSettingsReader {

  private final TargetAddressCheck addresses;

  TargetSettingsReader(TargetAddressCheck addresses) {
    this.addresses = addresses;
  }

  /**
   * @throws dev.maigw.gateway.system.GatewayException 400 for a malformed body or URL, 422 {@code
   *     target_url_not_allowed} for an address the forwarding policy refuses
   */
  TargetSettings read(JsonNode body) {
    TargetSettings settings = TargetSettings.parse(body);
    addresses.requireDeliverable(TargetUrl.parse(settings.url()));
    return settings;
  }
}
