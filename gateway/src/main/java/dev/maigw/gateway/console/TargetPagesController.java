package dev.maigw.gateway.console;

import dev.maigw.gateway.delivery.DeliveryAdmin;
import dev.maigw.gateway.delivery.Target;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Targets with their health; create (the signing secret is shown once, on the page that answers the
 * creation), edit, disable or enable, delete.
 */
@Controller
class TargetPagesController {

  private final DeliveryAdmin admin;
  private final JsonMapper json;

  TargetPagesController(DeliveryAdmin admin, JsonMapper json) {
    this.admin = admin;
    this.json = json;
  }

  @GetMapping("/console/targets")
  String targets(Model model) {
    Map<Target, DeliveryAdmin.Health> health = new LinkedHashMap<>();
    admin.targets().forEach(t -> health.put(t, admin.health(t.id())));
    model.addAttribute("health", health);
    return "console/targets";
  }

  @GetMapping("/console/targets/new")
  String newTarget(Model model) {
    model.addAttribute("form", TargetForm.empty());
    model.addAttribute("targetId", null);
    return "console/target-form";
  }

  @PostMapping("/console/targets")
  String create(@ModelAttribute TargetForm form, HttpServletResponse response, Model model) {
    try {
      model.addAttribute("created", admin.createTarget(form.toJson(json)));
      return "console/target-created";
    } catch (GatewayException e) {
      return invalid(form, null, e, response, model);
    }
  }

  @GetMapping("/console/targets/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    model.addAttribute("form", TargetForm.of(find(id)));
    model.addAttribute("targetId", id);
    return "console/target-form";
  }

  @PostMapping("/console/targets/{id}")
  String update(
      @PathVariable String id,
      @ModelAttribute TargetForm form,
      HttpServletResponse response,
      Model model) {
    find(id);
    try {
      admin.updateTarget(id, form.toJson(json));
      return "redirect:/console/targets";
    } catch (GatewayException e) {
      return invalid(form, id, e, response, model);
    }
  }

  @PostMapping("/console/targets/{id}/disable")
  String disable(@PathVariable String id) {
    found(admin.setTargetEnabled(id, false));
    return "redirect:/console/targets";
  }

  @PostMapping("/console/targets/{id}/enable")
  String enable(@PathVariable String id) {
    found(admin.setTargetEnabled(id, true));
    return "redirect:/console/targets";
  }

  @PostMapping("/console/targets/{id}/delete")
  String delete(@PathVariable String id) {
    found(admin.deleteTarget(id));
    return "redirect:/console/targets";
  }

  /** The form again, with what was typed and why it was refused. */
  private static String invalid(
      TargetForm form, String id, GatewayException e, HttpServletResponse response, Model model) {
    if (!e.status().is4xxClientError()) {
      throw e;
    }
    response.setStatus(e.status().value());
    model.addAttribute("form", form);
    model.addAttribute("targetId", id);
    model.addAttribute("error", e.getMessage());
    return "console/target-form";
  }

  private Target find(String id) {
    return admin.target(id).orElseThrow(TargetPagesController::notFound);
  }

  private static void found(boolean changed) {
    if (!changed) {
      throw notFound();
    }
  }

  private static GatewayException notFound() {
    return new GatewayException(Problem.NOT_FOUND, "No target with this id.");
  }
}
