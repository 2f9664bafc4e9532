package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.sdk.client.MaiAgentApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/**
 * MaiAgent refused or failed a call; answered with MaiAgent's own status and message (502 when
 * MaiAgent could not be reached at all), never a flattened 500.
 */
public class MaiAgentCallException extends GatewayException {

  static final int BODY_SNIPPET_CHARS = 2_000;

  private final int maiagentStatus;
  private final String maiagentBody;
  private final String unknownSendId;

  MaiAgentCallException(int maiagentStatus, String detail, String maiagentBody) {
    this(maiagentStatus, detail, maiagentBody, null);
  }

  /**
   * @param unknownSendId the send MaiAgent may nevertheless have taken: the problem then carries
   *     {@code send} and {@code sendStatus: "unknown"}, so the caller polls instead of resending
   */
  MaiAgentCallException(
      int maiagentStatus, String detail, String maiagentBody, String unknownSendId) {
    super(
        maiagentStatus == 0 ? Problem.MAIAGENT_UNREACHABLE : Problem.MAIAGENT_ERROR,
        detail == null || detail.isBlank() ? "MaiAgent answered " + maiagentStatus + "." : detail);
    this.maiagentStatus = maiagentStatus;
    this.maiagentBody = snippet(maiagentBody);
    this.unknownSendId = unknownSendId;
  }

  /** MaiAgent's failure as the caller should see it. */
  public static MaiAgentCallException of(MaiAgentApiException e) {
    String detail = e.detail() != null ? e.detail() : "MaiAgent call failed: " + e.kind() + ".";
    return new MaiAgentCallException(e.status(), detail, e.body());
  }

  @Override
  public HttpStatusCode status() {
    return maiagentStatus >= 400 && maiagentStatus <= 599
        ? HttpStatusCode.valueOf(maiagentStatus)
        : problem().status();
  }

  @Override
  public Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("maiagentStatus", maiagentStatus);
    if (maiagentBody != null) {
      properties.put("maiagentBody", maiagentBody);
    }
    if (unknownSendId != null) {
      properties.put("send", unknownSendId);
      properties.put("sendStatus", Send.UNKNOWN);
      properties.put("location", "/api/sends/" + unknownSendId);
    }
    return properties;
  }

  static String snippet(String body) {
    if (body == null || body.length() <= BODY_SNIPPET_CHARS) {
      return body;
    }
    return body.substring(0, BODY_SNIPPET_CHARS) + "…";
  }
}
