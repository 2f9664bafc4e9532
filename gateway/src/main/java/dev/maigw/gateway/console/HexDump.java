package dev.maigw.gateway.console;

import java.util.ArrayList;
import java.util.List;

/** Lines of a classic hex dump: offset, 16 bytes in hex, and those bytes as printable ASCII. */
final class HexDump {

  private static final int WIDTH = 16;

  private HexDump() {}

  static List<String> of(byte[] bytes) {
    List<String> lines = new ArrayList<>((bytes.length + WIDTH - 1) / WIDTH);
    for (int start = 0; start < bytes.length; start += WIDTH) {
      StringBuilder hex = new StringBuilder();
      StringBuilder ascii = new StringBuilder();
      for (int i = start; i < start + WIDTH; i++) {
        if (i < bytes.length) {
          int b = bytes[i] & 0xff;
          hex.append(String.format("%02x ", b));
          ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        } else {
          hex.append("   ");
        }
      }
      lines.add(String.format("%08x  %s %s", start, hex, ascii));
    }
    return lines;
  }
}
