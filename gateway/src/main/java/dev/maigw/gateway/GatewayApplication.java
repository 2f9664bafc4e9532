package dev.maigw.gateway;

import dev.maigw.gateway.system.TermSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point: receives MaiAgent's reply webhooks, stores them durably and serves them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  public static void main(String[] args) {
    ConfigurableApplicationContext context = SpringApplication.run(GatewayApplication.class, args);
    // SIGTERM runs the same graceful stop as before, then exits 0 when it finished cleanly
    // (SpringApplication.exit answers non-zero when closing failed).
    TermSignal.onTerm("graceful-stop", () -> System.exit(SpringApplication.exit(context)));
  }
}
