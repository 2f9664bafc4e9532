package dev.maigw.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells rendered either as aligned plain text (for the console, copy-pasteable) or
 * as a Markdown table (for the report file).
 */
final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final int leftColumns;

  /**
   * A table whose first {@code leftColumns} columns hold text (left-aligned) and the rest numbers
   * (right-aligned).
   */
  TextTable(int leftColumns, String... header) {
    this.leftColumns = leftColumns;
    this.header = List.of(header);
  }

  TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, header has " + header.size());
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Columns padded to equal width and separated by two spaces. */
  String plain() {
    int[] widths = new int[header.size()];
    for (List<String> line : allLines()) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : allLines()) {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        String pad = " ".repeat(widths[i] - cell.length());
        row.append(i == 0 ? "" : "  ").append(i < leftColumns ? cell + pad : pad + cell);
      }
      text.append(row.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    appendMarkdownLine(text, header);
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      rule.add(i < leftColumns ? "---" : "---:");
    }
    appendMarkdownLine(text, rule);
    rows.forEach(row -> appendMarkdownLine(text, row));
    return text.toString();
  }

  private List<List<String>> allLines() {
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    return lines;
  }

  private static void appendMarkdownLine(StringBuilder text, List<String> cells) {
    text.append('|');
    for (String cell : cells) {
      text.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    text.append('\n');
  }
}
