package dev.maigw.gateway.system;

import org.springframework.http.HttpStatus;

/**
 * Every client-visible failure the gateway reports, with its stable machine code and HTTP status.
 * Codes are part of the API contract: add new ones, never rename.
 */
public enum Problem {
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
  FORBIDDEN_SOURCE("forbidden_source", HttpStatus.FORBIDDEN, "Source address not allowed"),
  NOT_FOUND("not_found", HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED("method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed"),
  BAD_REQUEST("bad_request", HttpStatus.BAD_REQUEST, "Bad request"),
  REQUEST_TIMEOUT("body_read_timeout", HttpStatus.REQUEST_TIMEOUT, "Request body read timed out"),
  BODY_TOO_LARGE("body_too_large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  STORE_UNAVAILABLE(
      "store_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable, retry later"),
  QUARANTINE_FULL(
      "quarantine_full", HttpStatus.SERVICE_UNAVAILABLE, "Quarantine full, retry later"),
  UNREADABLE_BODY("malformed_json", HttpStatus.BAD_REQUEST, "Webhook body is not readable JSON"),
  INVALID_BODY(
      "invalid_body", HttpStatus.UNPROCESSABLE_CONTENT, "Webhook body is not a MaiAgent reply"),
  INVALID_REQUEST("invalid_request", HttpStatus.BAD_REQUEST, "Invalid request body"),
  MAIAGENT_ERROR("maiagent_error", HttpStatus.BAD_GATEWAY, "MaiAgent refused the call"),
  MAIAGENT_UNREACHABLE(
      "maiagent_unreachable", HttpStatus.BAD_GATEWAY, "MaiAgent could not be reached"),
  BRIDGE_NOT_CONFIGURED(
      "bridge_not_configured", HttpStatus.SERVICE_UNAVAILABLE, "MaiAgent bridge not configured"),
  MAIAGENT_NOT_CONFIGURED(
      "maiagent_not_configured",
      HttpStatus.SERVICE_UNAVAILABLE,
      "MaiAgent API access not configured"),
  STREAMS_FULL("streams_full", HttpStatus.SERVICE_UNAVAILABLE, "Too many open streams"),
  BACKUP_EXISTS("backup_exists", HttpStatus.CONFLICT, "A backup with this name already exists"),
  BACKUP_IN_PROGRESS("backup_in_progress", HttpStatus.CONFLICT, "A backup is already running"),
  BACKUP_NOT_SUPPORTED(
      "backup_not_supported",
      HttpStatus.NOT_IMPLEMENTED,
      "Backups are made with the database's tools"),
  FORBIDDEN_TARGET("forbidden_target", HttpStatus.BAD_REQUEST, "Target address not allowed"),
  INVALID_TARGET_URL("invalid_target_url", HttpStatus.BAD_REQUEST, "Invalid target URL"),
  TARGET_URL_NOT_ALLOWED(
      "target_url_not_allowed",
      HttpStatus.UNPROCESSABLE_CONTENT,
      "Target URL leads to an address forwarding may not use"),
  TARGET_UNREACHABLE("target_unreachable", HttpStatus.BAD_GATEWAY, "Target could not be reached"),
  INVALID_CURSOR("invalid_cursor", HttpStatus.BAD_REQUEST, "Invalid cursor"),
  RATE_LIMITED("rate_limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency_key_reused",
      HttpStatus.UNPROCESSABLE_CONTENT,
      "Idempotency-Key already used with another body");

  private final String code;
  private final HttpStatus status;
  private final String title;

  Problem(String code, HttpStatus status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
