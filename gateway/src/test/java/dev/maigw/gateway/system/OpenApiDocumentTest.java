package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes every {@code /api/**} handler the gateway really has. */
class OpenApiDocumentTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RunningGateway gateway;
  private static JsonNode document;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
    HttpResponse<String> answer =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/api/openapi.json"))).build());
    assertThat(answer.statusCode()).as("public, no API key").isEqualTo(200);
    document = JSON.readTree(answer.body());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void declaresOpenApi31() {
    assertThat(document.get("openapi").asString()).startsWith("3.1.");
  }

  @Test
  void describesEveryApiHandlerWithItsMethod() {
    RequestMappingHandlerMapping mapping =
        gateway.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    List<String> routes = new ArrayList<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String path : info.getPathPatternsCondition().getPatternValues()) {
                boolean documentItself =
                    handler.getBeanType().getPackageName().startsWith("org.springdoc");
                if (!path.startsWith("/api/") || documentItself) {
                  continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                  routes.add(method.name().toLowerCase(Locale.ROOT) + " " + path);
                }
              }
            });

    assertThat(routes).hasSizeGreaterThan(20);
    List<String> missing =
        routes.stream()
            .filter(r -> document.path("paths").path(r.split(" ")[1]).get(r.split(" ")[0]) == null)
            .toList();
    assertThat(missing).as("routes missing from the document").isEmpty();
  }

  @Test
  void describesProblemAnswersAndTheBearerKey() {
    JsonNode create = document.path("paths").path("/api/targets").path("post");
    assertThat(create.path("responses").path("4XX").path("content").has("application/problem+json"))
        .isTrue();
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .has("code"))
        .isTrue();
    assertThat(
            document
                .path("components")
                .path("securitySchemes")
                .path("apiKey")
                .path("scheme")
                .asString())
        .isEqualTo("bearer");
  }

  @Test
  void servesABrowsablePageThatReadsTheDocument() {
    HttpResponse<String> page =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/api-docs.html"))).build());
    HttpResponse<String> script =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/api-docs.js"))).build());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/api-docs.js\"").doesNotContain("<script>");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("/api/openapi.json").doesNotContain("innerHTML");
  }

  @Test
  void describesRecordsAsSchemas() {
    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.path("Delivery").path("properties").has("nextAttemptAt")).isTrue();
  }
}
