package dev.maigw.gateway.console;

import dev.maigw.gateway.system.ApiKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with the API key into an {@code HttpOnly}, {@code SameSite=Strict} session cookie, and
 * sign-out. The root of the server sends visitors to the console.
 */
@Controller
class SignInController {

  private final ApiKey apiKey;
  private final ConsoleSessions sessions;
  private final SignInAttempts attempts;

  SignInController(ApiKey apiKey, ConsoleSessions sessions, SignInAttempts attempts) {
    this.apiKey = apiKey;
    this.sessions = sessions;
    this.attempts = attempts;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/console/";
  }

  @GetMapping("/console")
  String console() {
    return "redirect:/console/";
  }

  @GetMapping(ConsoleFilter.SIGN_IN)
  String signInForm() {
    return "console/sign-in";
  }

  @PostMapping(ConsoleFilter.SIGN_IN)
  String signIn(
      @RequestParam(name = "apiKey", required = false) String key,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String address = request.getRemoteAddr();
    if (attempts.blocked(address)) {
      response.setStatus(429);
      model.addAttribute("error", "Too many wrong keys from this address; wait a minute.");
      return "console/sign-in";
    }
    if (key == null || !apiKey.matches(key.trim())) {
      attempts.failed(address);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      model.addAttribute("error", "That is not the gateway's API key.");
      return "console/sign-in";
    }
    attempts.succeeded(address);
    // A fresh id at every sign-in: a cookie planted before it is never promoted to a session.
    sessions.invalidate(ConsoleFilter.cookie(request));
    ConsoleSession session = sessions.create();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, session.id(), -1).toString());
    return "redirect:/console/";
  }

  @PostMapping("/console/sign-out")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.invalidate(ConsoleFilter.cookie(request));
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", 0).toString());
    return "redirect:" + ConsoleFilter.SIGN_IN;
  }

  private static ResponseCookie cookie(HttpServletRequest request, String value, long maxAge) {
    return ResponseCookie.from(ConsoleSessions.COOKIE, value)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Strict")
        .path("/")
        .maxAge(maxAge)
        .build();
  }
}
