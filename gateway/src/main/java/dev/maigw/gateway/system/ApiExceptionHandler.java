package dev.maigw.gateway.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into HTTP responses: RFC 9457 problem bodies with a stable
 * {@code code} for client errors, {@code Retry-After} on 503, and a bare 500 (logged with context)
 * for anything unexpected.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  static final String RETRY_AFTER_SECONDS = "5";
  static final String RATE_LIMIT_RETRY_AFTER_SECONDS = "60";

  private final String webhookPath;
  private final ServerErrorLog errors;

  ApiExceptionHandler(
      @Value("${maigw.webhook.path:/maiagent/webhook}") String webhookPath, ServerErrorLog errors) {
    this.webhookPath = webhookPath;
    this.errors = errors;
  }

  /** Builds the problem response for a gateway exception; also used by filters. */
  public static ResponseEntity<ProblemDetail> problemResponse(Problem problem, String detail) {
    return problemResponse(new GatewayException(problem, detail));
  }

  /** The problem response for a gateway exception, for callers outside Spring MVC too. */
  public static ResponseEntity<ProblemDetail> problemResponse(GatewayException e) {
    Problem problem = e.problem();
    ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    body.setTitle(problem.title());
    body.setProperty("code", e.code());
    e.properties().forEach(body::setProperty);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (e.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    if (e.status().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
      // A limit's window is a minute: after it the source starts afresh.
      response.header(HttpHeaders.RETRY_AFTER, RATE_LIMIT_RETRY_AFTER_SECONDS);
    }
    return response.body(body);
  }

  @ExceptionHandler(GatewayException.class)
  ResponseEntity<ProblemDetail> onGatewayException(GatewayException e, HttpServletRequest request) {
    errors.answered(e);
    ResponseEntity<ProblemDetail> response = problemResponse(e);
    response.getBody().setInstance(redactedInstance(request.getRequestURI()));
    return response;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Void> onUnexpected(Exception e, WebRequest request) {
    log.error("Unexpected error on {}", request.getDescription(false), e);
    return ResponseEntity.internalServerError().build();
  }

  /** Framework-raised errors (404, 405, 415 …) get the same shape, with a code from status. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      problem.setProperty("code", codeFor(status));
      if (request instanceof ServletWebRequest servlet) {
        problem.setInstance(redactedInstance(servlet.getRequest().getRequestURI()));
      }
    }
    return response;
  }

  /**
   * The request path for the problem's {@code instance}, with a webhook token (the segment after
   * the webhook path) replaced: tokens must never be echoed.
   */
  private URI redactedInstance(String requestUri) {
    String path = requestUri.startsWith(webhookPath + "/") ? webhookPath + "/{token}" : requestUri;
    try {
      return new URI(null, null, path, null);
    } catch (URISyntaxException e) {
      return URI.create(webhookPath);
    }
  }

  private static String codeFor(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    String phrase = known == null ? "error_" + status.value() : known.name();
    return phrase.toLowerCase(java.util.Locale.ROOT);
  }
}
