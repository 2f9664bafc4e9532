package dev.maigw.emulator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final RouteHandler handler = request -> Response.empty(204, Map.of());
  private final Router router =
      new Router()
          .add("GET", "/api/v1/messages/{id}/", handler)
          .add("POST", "/api/v1/messages/", handler);

  @Test
  void bindsPathVariables() {
    Router.Match match = router.match("GET", "/api/v1/messages/abc/");

    assertThat(match).isInstanceOf(Router.Match.Found.class);
    assertThat(((Router.Match.Found) match).variables()).containsEntry("id", "abc");
  }

  @Test
  void trailingSlashIsPartOfThePath() {
    assertThat(router.match("POST", "/api/v1/messages")).isInstanceOf(Router.Match.NotFound.class);
    assertThat(router.knows("/api/v1/messages/")).isTrue();
  }

  @Test
  void knownPathWithOtherMethodIsMethodNotAllowed() {
    assertThat(router.match("DELETE", "/api/v1/messages/"))
        .isEqualTo(new Router.Match.MethodNotAllowed(Set.of("POST")));
  }

  @Test
  void emptyVariableSegmentDoesNotMatch() {
    assertThat(router.match("GET", "/api/v1/messages//")).isInstanceOf(Router.Match.NotFound.class);
  }
}
