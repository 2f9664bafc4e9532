package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The compose file and the Containerfile cannot run here (no container engine), so check what can
 * go wrong silently: the YAML is well-formed, and every variable they set is one the gateway reads
 * (a misspelt name is simply ignored, and a gateway meant to require tokens would run open).
 */
class DeploymentRecipesTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
  private static final Set<String> PLATFORM = Set.of("MALLOC_ARENA_MAX");

  @Test
  void composeRunsTwoGatewaysOnOnePostgresWithOnlyVariablesTheGatewayReads() throws IOException {
    Map<String, Object> compose = yaml(ROOT.resolve("deploy/compose/compose.yaml"));
    Map<String, Object> services = map(compose.get("services"));

    assertThat(services).containsKeys("postgres", "gateway-1", "gateway-2", "caddy");
    for (String name : List.of("gateway-1", "gateway-2")) {
      Map<String, Object> gateway = map(services.get(name));
      Map<String, Object> environment = map(gateway.get("environment"));
      assertThat(environment.keySet()).as(name).isSubsetOf(gatewayVariables());
      assertThat(environment.get("MAIGW_DB_URL").toString())
          .startsWith("jdbc:postgresql://postgres:5432/");
      assertThat(environment.get("MAIGW_REQUIRE_TOKEN")).isEqualTo("true");
      assertThat(environment.get("SERVER_ADDRESS")).isEqualTo("0.0.0.0");
      assertThat(String.valueOf(map(gateway.get("healthcheck")).get("test")))
          .contains("/actuator/health/readiness");
      assertThat(String.valueOf(gateway.get("volumes"))).contains(":/data");
      assertThat(String.valueOf(gateway.get("depends_on"))).contains("service_healthy");
    }
    assertThat(String.valueOf(map(services.get("postgres")).get("healthcheck")))
        .contains("pg_isready");
  }

  @Test
  void theEnvironmentExampleNamesEverySecretTheComposeFileRequires() throws IOException {
    String compose = read(ROOT.resolve("deploy/compose/compose.yaml"));
    String example = read(ROOT.resolve("deploy/compose/.env.example"));
    Matcher required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?").matcher(compose);
    Set<String> names = new TreeSet<>();
    while (required.find()) {
      names.add(required.group(1));
    }

    assertThat(names).contains("POSTGRES_PASSWORD", "MAIGW_WEBHOOK_TOKENS", "MAIGW_API_KEY");
    for (String name : names) {
      assertThat(example).as(name).containsPattern("(?m)^" + name + "=");
    }
  }

  @Test
  void theContainerfileRunsAsAnUnprivilegedUserAndNeverOpen() throws IOException {
    String containerfile = read(ROOT.resolve("Containerfile"));
    Matcher env =
        Pattern.compile("(?m)^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]*)=\\S").matcher(containerfile);
    Set<String> names = new TreeSet<>();
    while (env.find()) {
      names.add(env.group(1));
    }

    assertThat(names).contains("SERVER_ADDRESS", "MAIGW_DATA_DIR", "MAIGW_REQUIRE_TOKEN");
    names.removeAll(PLATFORM);
    assertThat(names).isSubsetOf(gatewayVariables());
    assertThat(containerfile)
        .contains("MAIGW_REQUIRE_TOKEN=true")
        .contains("SERVER_ADDRESS=0.0.0.0")
        .contains("VOLUME /data")
        .containsPattern("(?m)^USER 10001")
        .containsPattern("(?m)^FROM .* AS build$");
  }

  /** The variables application.properties maps to settings, e.g. {@code MAIGW_DB_URL}. */
  private static Set<String> gatewayVariables() throws IOException {
    Matcher placeholders =
        PLACEHOLDER.matcher(read(Path.of("src/main/resources/application.properties")));
    Set<String> names = new TreeSet<>();
    while (placeholders.find()) {
      names.add(placeholders.group(1));
    }
    assertThat(names).contains("MAIGW_DB_URL", "MAIGW_WEBHOOK_TOKENS", "MAIGW_LOG_FORMAT");
    return names;
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
