package dev.maigw.emulator.attachment;

import dev.maigw.emulator.system.EmulatorException;
import dev.maigw.emulator.system.Response;
import java.nio.charset.StandardCharsets;

/** An S3-style storage error, answered as S3 does: an XML {@code <Error>} document. */
public class StorageException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public StorageException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Response toResponse() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + escape(code)
            + "</Code><Message>"
            + escape(getMessage())
            + "</Message></Error>";
    return Response.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
