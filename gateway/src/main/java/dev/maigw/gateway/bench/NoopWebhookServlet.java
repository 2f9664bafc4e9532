package dev.maigw.gateway.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /bench/noop}: reads the body, stores nothing, answers like the webhook does. A plain
 * servlet like the webhook endpoint, so the two differ only in the work the intake does.
 */
class NoopWebhookServlet extends HttpServlet {

  private static final byte[] OK =
      "{\"message\":\"Webhook 接收成功\"}".getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.getInputStream().readAllBytes();
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setContentLength(OK.length);
    response.getOutputStream().write(OK);
  }

  /** Mounted only when {@code MAIGW_BENCH_NOOP=true}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("maigw.bench.noop-endpoint")
  static class Registration {
    @Bean
    ServletRegistrationBean<NoopWebhookServlet> noopWebhookServlet() {
      ServletRegistrationBean<NoopWebhookServlet> registration =
          new ServletRegistrationBean<>(new NoopWebhookServlet(), "/bench/noop");
      registration.setName("benchNoop");
      return registration;
    }
  }
}
