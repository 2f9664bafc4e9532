package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

  private static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n\r\n"
          + "{\"message\":\"Webhook received okay\"}";

  @Test
  void readsBackToBackKeepAliveResponsesExactly() throws IOException {
    HttpResponseReader reader = reader(OK + OK.replace("200 OK", "409 Conflict"));

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.closeRequested()).isFalse();
    assertThat(reader.read()).isEqualTo(409);
    assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
  }

  @Test
  void readsResponsesDeliveredOneByteAtATime() throws IOException {
    HttpResponseReader reader = new HttpResponseReader(oneByteAtATime(OK + OK));

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.read()).isEqualTo(200);
  }

  @Test
  void countsMultiByteBodyByBytesNotCharacters() throws IOException {
    byte[] body = "{\"message\":\"Webhook 接收成功\"}".getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\ncontent-length: " + body.length + "  \r\n\r\n";
    byte[] one = concat(head.getBytes(StandardCharsets.US_ASCII), body);
    HttpResponseReader reader = new HttpResponseReader(new ByteArrayInputStream(concat(one, one)));

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.read()).isEqualTo(200);
  }

  @Test
  void readsChunkedBodyWithExtensionsAndTrailers() throws IOException {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;ext=1\r\n{\"a\"\r\n6\r\n:true}\r\n0\r\nX-Trailer: yes\r\n\r\n";
    HttpResponseReader reader = reader(chunked + OK);

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.read()).isEqualTo(200);
  }

  @Test
  void reportsConnectionCloseHeaderAnyCase() throws IOException {
    HttpResponseReader reader = reader(OK.replace("Content-Type", "CONNECTION: Close\r\nX"));

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.closeRequested()).isTrue();
  }

  @Test
  void treatsHttp10WithoutKeepAliveAsClose() throws IOException {
    HttpResponseReader reader = reader(OK.replace("HTTP/1.1", "HTTP/1.0"));

    assertThat(reader.read()).isEqualTo(200);
    assertThat(reader.closeRequested()).isTrue();
  }

  @Test
  void readsBodyWithoutLengthToEndOfStreamAndRequestsClose() throws IOException {
    HttpResponseReader reader = reader("HTTP/1.1 500 Oops\r\n\r\nsomething broke");

    assertThat(reader.read()).isEqualTo(500);
    assertThat(reader.closeRequested()).isTrue();
  }

  @Test
  void skipsInterimContinueResponse() throws IOException {
    HttpResponseReader reader = reader("HTTP/1.1 100 Continue\r\n\r\n" + OK);

    assertThat(reader.read()).isEqualTo(200);
  }

  @Test
  void readsEmptyBodyOf204WithoutWaiting() throws IOException {
    HttpResponseReader reader = reader("HTTP/1.1 204 No Content\r\n\r\n" + OK);

    assertThat(reader.read()).isEqualTo(204);
    assertThat(reader.read()).isEqualTo(200);
  }

  @Test
  void failsOnTruncatedBody() {
    HttpResponseReader reader = reader(OK.substring(0, OK.length() - 5));

    assertThatThrownBy(reader::read)
        .isInstanceOf(EOFException.class)
        .hasMessage("Connection closed inside a response body");
  }

  @Test
  void rejectsSomethingThatIsNotHttp() {
    HttpResponseReader reader = reader("SSH-2.0-OpenSSH_9.2\r\n\r\n");

    assertThatThrownBy(reader::read)
        .isInstanceOf(BenchmarkException.class)
        .hasMessage("Response does not start with an HTTP/1.x status line: SSH-2.0-OpenSSH_9.2");
  }

  private static HttpResponseReader reader(String responses) {
    return new HttpResponseReader(
        new ByteArrayInputStream(responses.getBytes(StandardCharsets.UTF_8)));
  }

  private static InputStream oneByteAtATime(String responses) {
    return new FilterInputStream(bytes(responses)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  private static InputStream bytes(String responses) {
    return new ByteArrayInputStream(responses.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
