package dev.maigw.gateway.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI document ({@code GET /api/openapi.json}) cannot learn from the
 * controllers: the bearer key every route needs, and the RFC 9457 problem body (with its stable
 * {@code code}) that every route answers errors with.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM = "Problem";
  private static final String BEARER = "apiKey";

  @Bean
  OpenAPI gatewayApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("MaiAgent Gateway API")
                .version("1")
                .description(
                    "Stored MaiAgent replies, forwarding targets and deliveries, the bridge and"
                        + " the live stream. Every route needs 'Authorization: Bearer <API key>'."
                        + " Lists are pages {items, nextCursor}: pass nextCursor back as the"
                        + " route's cursor parameter."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  /**
   * Adds the problem answers to every operation: 4XX and 5XX as {@code application/problem+json}.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    // Added after the scan, which replaces the schemas given up front with the ones it found.
    return api -> {
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.getPaths().values().stream()
          .flatMap(path -> path.readOperations().stream())
          .forEach(
              operation -> {
                operation.getResponses().addApiResponse("4XX", problem("Client error"));
                operation.getResponses().addApiResponse("5XX", problem("Unavailable"));
              });
    };
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description + ": an RFC 9457 problem with a stable code")
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty(
            "code", new StringSchema().description("stable machine code, e.g. invalid_cursor"));
  }
}
