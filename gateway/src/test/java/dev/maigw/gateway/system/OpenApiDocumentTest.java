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
  void servesSwaggerUiOverTheDocumentWithoutTheApiKey() {
    HttpResponse<String> page =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/api-docs.html"))).build());
    HttpResponse<String> config =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/api/openapi.json/swagger-config")))
                .build());

    assertThat(page.statusCode()).as("redirect to Swagger UI").isEqualTo(302);
    String ui = page.headers().firstValue("Location").orElseThrow();
    assertThat(ui).contains("/swagger-ui/index.html");
    HttpResponse<String> index =
        RunningGateway.send(HttpRequest.newBuilder(URI.create(gateway.url(ui))).build());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("swagger-ui");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(config.body()).path("url").asString()).isEqualTo("/api/openapi.json");
  }

  @Test
  void describesTheBodiesTheApiReads() {
    JsonNode paths = document.path("paths");
    for (JsonNode operation :
        List.of(
            paths.path("/api/targets").path("post"), paths.path("/api/targets/{id}").path("put"))) {
      assertThat(bodySchema(operation)).isEqualTo("#/components/schemas/TargetBody");
    }
    assertThat(bodySchema(paths.path("/api/conversations/{id}/messages").path("post")))
        .isEqualTo("#/components/schemas/SendBody");

    JsonNode schemas = document.path("components").path("schemas");
    List<String> targetFields = new ArrayList<>();
    schemas.path("TargetBody").path("properties").propertyNames().forEach(targetFields::add);
    assertThat(targetFields)
        .as("the fields TargetSettings.parse reads")
        .containsExactlyInAnyOrder(
            "url",
            "name",
            "messageTypes",
            "conversation",
            "sender",
            "contentContains",
            "headers",
            "timeoutMs",
            "ordered",
            "secret");
    assertThat(schemas.path("TargetBody").path("required").toString()).contains("url");
    assertThat(schemas.path("SendBody").path("required").toString()).contains("content");
  }

  private static String bodySchema(JsonNode operation) {
    return operation
        .path("requestBody")
        .path("content")
        .path("application/json")
        .path("schema")
        .path("$ref")
        .asString();
  }

  @Test
  void describesRecordsAsSchemas() {
    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.path("Delivery").path("properties").has("nextAttemptAt")).isTrue();
  }
}
