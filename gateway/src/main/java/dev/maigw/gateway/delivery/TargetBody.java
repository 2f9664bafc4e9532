package dev.maigw.gateway.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shape of a {@code POST/PUT /api/targets} body, for the OpenAPI document only: the controller
 * reads the JSON itself ({@link TargetSettings#parse}) so that every mistake gets its own message.
 * Keep the two in step; {@code OpenApiDocumentTest} checks the field names.
 */
@Schema(name = "TargetBody", description = "A forwarding target's settings")
record TargetBody(
    @Schema(
            description = "Where deliveries are POSTed: http or https, no user info",
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "https://example.com/hooks/maiagent")
        String url,
    @Schema(description = "Unique name; defaults to the URL") String name,
    @Schema(
            description = "Message types to forward; default [\"outgoing\"]",
            example = "[\"outgoing\"]")
        List<String> messageTypes,
    @Schema(description = "Only this conversation's messages") String conversation,
    @Schema(description = "Only this sender's messages") String sender,
    @Schema(description = "Only messages whose content contains this text") String contentContains,
    @Schema(
            description =
                "Extra request headers (values are redacted in answers; on PUT, a"
                    + " redacted value keeps the stored one)")
        Map<String, String> headers,
    @Schema(description = "Per-attempt timeout in ms, 100-60000; default 10000") Integer timeoutMs,
    @Schema(description = "Deliver one at a time in message order; default false") Boolean ordered,
    @Schema(description = "POST only: the signing secret (whsec_...); generated when absent")
        String secret) {}
