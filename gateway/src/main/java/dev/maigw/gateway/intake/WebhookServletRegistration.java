package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.ServerErrorLog;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Mounts the webhook servlet at the configured path and below it (for the token). */
@Configuration(proxyBeanMethods = false)
class WebhookServletRegistration {

  @Bean
  ServletRegistrationBean<WebhookServlet> webhookServlet(
      WebhookAuthenticator authenticator,
      WebhookIntake intake,
      IntakeMetrics metrics,
      WebhookProperties properties,
      JsonMapper json,
      ServerErrorLog errors) {
    ServletRegistrationBean<WebhookServlet> registration =
        new ServletRegistrationBean<>(
            new WebhookServlet(authenticator, intake, metrics, properties, json, errors),
            properties.path(),
            properties.path() + "/*");
    registration.setName("maiagentWebhook");
    registration.setAsyncSupported(true);
    registration.setLoadOnStartup(1);
    return registration;
  }
}
