package dev.maigw.gateway.console;

import dev.maigw.gateway.intake.QuarantineReingest;
import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.quarantine.QuarantinedBody;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Refused bodies: why, their bytes, delete, and re-ingest after a fix. */
@Controller
class QuarantinePagesController {

  static final int PAGE_SIZE = 50;

  /** Bytes shown in the hex view; the download has them all. */
  static final int HEX_BYTES = 4_096;

  private final QuarantineStore quarantine;
  private final QuarantineReingest reingest;

  QuarantinePagesController(QuarantineStore quarantine, QuarantineReingest reingest) {
    this.quarantine = quarantine;
    this.reingest = reingest;
  }

  @GetMapping("/console/quarantine")
  String list(@RequestParam(required = false) String before, Model model) {
    List<QuarantinedBody> page =
        quarantine.list(ConsoleParams.cursor(before, Long.MAX_VALUE), PAGE_SIZE);
    model.addAttribute("page", page);
    model.addAttribute("fill", quarantine.fill());
    model.addAttribute("next", page.size() < PAGE_SIZE ? null : page.get(page.size() - 1).id());
    return "console/quarantine";
  }

  @GetMapping("/console/quarantine/{id}")
  String one(@PathVariable long id, Model model) {
    QuarantinedBody body = find(id);
    byte[] head = java.util.Arrays.copyOf(body.body(), Math.min(body.body().length, HEX_BYTES));
    model.addAttribute("body", body);
    model.addAttribute("text", new String(body.body(), StandardCharsets.UTF_8));
    model.addAttribute("hex", HexDump.of(head));
    model.addAttribute("sha256", HexFormat.of().formatHex(body.bodySha256()));
    return "console/quarantined";
  }

  @GetMapping("/console/quarantine/{id}/raw")
  ResponseEntity<byte[]> raw(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quarantined.bin\"")
        .body(find(id).body());
  }

  @PostMapping("/console/quarantine/{id}/delete")
  String delete(@PathVariable long id) {
    if (!reingest.delete(id)) {
      throw notFound();
    }
    return "redirect:/console/quarantine";
  }

  @PostMapping("/console/quarantine/{id}/reingest")
  String reingest(@PathVariable long id, HttpServletResponse response, Model model) {
    QuarantinedBody body = find(id);
    try {
      QuarantineReingest.Reingested done = reingest.reingest(id);
      return "redirect:/console/message?id=" + Display.queryValue(done.messageId());
    } catch (GatewayException e) {
      if (!e.status().is4xxClientError()) {
        throw e;
      }
      response.setStatus(e.status().value());
      model.addAttribute("reingestError", e.code() + ": " + e.getMessage());
      return one(body.id(), model);
    }
  }

  private QuarantinedBody find(long id) {
    return quarantine.find(id).orElseThrow(QuarantinePagesController::notFound);
  }

  private static GatewayException notFound() {
    return new GatewayException(Problem.NOT_FOUND, "No quarantined body with this id.");
  }
}
