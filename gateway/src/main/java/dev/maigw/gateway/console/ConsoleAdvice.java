package dev.maigw.gateway.console;

import dev.maigw.gateway.system.GatewayException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page gets: the session's CSRF token for its forms and the display helpers; and
 * errors shown as a page rather than as the API's problem JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

  private final Display display;

  ConsoleAdvice(Display display) {
    this.display = display;
  }

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    if (request.getAttribute(ConsoleFilter.SESSION_ATTRIBUTE) instanceof ConsoleSession session) {
      model.addAttribute("csrf", session.csrfToken());
    }
    model.addAttribute("fmt", display);
  }

  @ExceptionHandler(GatewayException.class)
  String onGatewayException(
      GatewayException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    common(request, model);
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("code", e.code());
    model.addAttribute("detail", e.getMessage());
    return "console/error";
  }
}
