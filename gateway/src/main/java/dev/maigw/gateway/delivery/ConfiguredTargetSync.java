package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.outbound.TargetAddressCheck;
import dev.maigw.gateway.delivery.outbound.TargetNotAllowedException;
import dev.maigw.gateway.delivery.outbound.TargetUrl;
import dev.maigw.gateway.delivery.outbound.TargetUrlException;
import dev.maigw.gateway.system.InvalidSettingException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the targets declared in configuration, matched by name, when the gateway
 * starts. Targets created through the API are left alone; a declared target removed from the
 * configuration stays until deleted through the API (deleting data on a config edit would be a
 * surprise).
 */
@Component
class ConfiguredTargetSync implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredTargetSync.class);
  private static final String VARIABLE = "maigw.targets";

  private final ConfiguredTargets configured;
  private final TargetStore store;
  private final EnabledTargets enabled;
  private final TargetAddressCheck addresses;

  ConfiguredTargetSync(
      ConfiguredTargets configured,
      TargetStore store,
      EnabledTargets enabled,
      TargetAddressCheck addresses) {
    this.configured = configured;
    this.store = store;
    this.enabled = enabled;
    this.addresses = addresses;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> names = new HashSet<>();
    for (ConfiguredTargets.Target target : configured.targets()) {
      if (target.name() == null || target.name().isBlank() || !names.add(target.name())) {
        throw new IllegalStateException(
            "Each maigw.targets entry needs a unique name; got '" + target.name() + "'.");
      }
      if (target.secret() == null || target.secret().isBlank()) {
        throw new IllegalStateException(
            "maigw.targets entry '" + target.name() + "' needs a secret (whsec_...).");
      }
      sync(target);
    }
    if (!names.isEmpty()) {
      enabled.reload();
      log.info("Targets from configuration: {}", names);
    }
  }

  private void sync(ConfiguredTargets.Target target) {
    checkUrl(target);
    TargetSettings settings =
        new TargetSettings(
            target.name(),
            target.url(),
            target.messageTypes(),
            target.conversation(),
            target.sender(),
            target.contentContains(),
            target.headers(),
            target.timeout(),
            target.ordered());
    String secret = SigningSecret.normalise(target.secret());
    Optional<Target> existing =
        store.list().stream().filter(t -> t.name().equals(target.name())).findFirst();
    // Found by name: it may have been created through the API. Otherwise its id is fixed, and an
    // instance starting at the same moment may create it first, or it may have been renamed.
    String id = existing.map(Target::id).orElse("cfg-" + target.name());
    store.createOrUpdate(settings, id, secret, false);
  }

  /** A URL no delivery could reach fails the start, in one sentence naming the target. */
  private void checkUrl(ConfiguredTargets.Target target) {
    String entry = "target '" + target.name() + "' (cfg-" + target.name() + ")";
    try {
      addresses.requireDeliverable(TargetUrl.parse(target.url()));
    } catch (TargetNotAllowedException e) {
      throw new InvalidSettingException(VARIABLE, entry + ": the URL's " + e.reason(), e.fix(), e);
    } catch (TargetUrlException e) {
      throw new InvalidSettingException(
          VARIABLE, entry + ": " + stripPeriod(e.getMessage()), "correct its url", e);
    }
  }

  private static String stripPeriod(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }
}
