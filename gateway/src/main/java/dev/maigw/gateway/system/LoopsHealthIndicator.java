package dev.maigw.gateway.system;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code loops} health check, part of liveness and readiness: DOWN while a long-lived loop's
 * thread is dead (between its death and the supervisor's restart, about a second). In liveness
 * because a dead loop is a broken process, not a busy one: when restarts cannot keep a loop alive
 * (it keeps dying, say of {@link OutOfMemoryError}), the check stays DOWN and the orchestrator
 * restarts the process. In readiness so that no traffic is routed here meanwhile.
 */
@Component
class LoopsHealthIndicator implements HealthIndicator {

  private final Loops loops;

  LoopsHealthIndicator(Loops loops) {
    this.loops = loops;
  }

  @Override
  public Health health() {
    List<String> dead = loops.dead();
    Health.Builder health = dead.isEmpty() ? Health.up() : Health.down();
    return health.withDetail("dead", dead).withDetail("deaths", loops.deaths()).build();
  }
}
