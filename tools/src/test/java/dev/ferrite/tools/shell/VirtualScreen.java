package dev.ferrite.tools.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after receiving some output: carriage returns, newlines, backspaces and
 * the cursor movements and erasures JLine redraws with ({@code ESC [ n A/B/C/D/G/K/J}) applied
 * to a grid of lines, wrapping at the width, everything else (modes, colours) ignored. Lines
 * never scroll away: the result is the whole session, top to bottom.
 */
public final class VirtualScreen {
  private final int width;
  private final List<StringBuilder> lines = new ArrayList<>();
  private int row;
  private int column;

  private VirtualScreen(int width) {
    this.width = width;
    lines.add(new StringBuilder());
  }

  /** The text of the screen after {@code output}, trailing spaces and blank lines removed. */
  public static String render(String output, int width) {
    VirtualScreen screen = new VirtualScreen(width);
    screen.feed(output);
    StringBuilder text = new StringBuilder();
    for (StringBuilder line : screen.lines) {
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString().replaceAll("\n+$", "\n");
  }

  private void feed(String output) {
    int i = 0;
    while (i < output.length()) {
      char c = output.charAt(i++);
      if (c == '\u001b') {
        i = escape(output, i);
      } else if (c == '\r') {
        column = 0;
      } else if (c == '\n') {
        moveTo(row + 1, column);
      } else if (c == '\b') {
        column = Math.max(0, column - 1);
      } else if (c >= ' ') {
        put(c);
      }
    }
  }

  /** Applies the escape sequence starting after ESC at {@code i}; returns where it ends. */
  private int escape(String output, int i) {
    if (i >= output.length() || output.charAt(i) != '[') {
      return Math.min(output.length(), i + 1);
    }
    int end = i + 1;
    while (end < output.length() && !Character.isLetter(output.charAt(end))
        && output.charAt(end) != '~') {
      end++;
    }
    if (end >= output.length()) {
      return end;
    }
    String parameters = output.substring(i + 1, end);
    int n = parameters.matches("\\d+") ? Integer.parseInt(parameters) : 0;
    int count = Math.max(1, n);
    switch (output.charAt(end)) {
      case 'A' -> moveTo(Math.max(0, row - count), column);
      case 'B' -> moveTo(row + count, column);
      case 'C' -> column = Math.min(width - 1, column + count);
      case 'D' -> column = Math.max(0, column - count);
      case 'G' -> column = count - 1;
      case 'K' -> erase(lines.get(row), n == 1 ? 0 : column, n == 0 ? Integer.MAX_VALUE : column + 1);
      case 'J' -> {
        erase(lines.get(row), column, Integer.MAX_VALUE);
        while (lines.size() > row + 1) {
          lines.remove(lines.size() - 1);
        }
      }
      default -> {
        // Modes, colours, keypad: nothing visible.
      }
    }
    return end + 1;
  }

  private void put(char c) {
    if (column >= width) {
      moveTo(row + 1, 0);
    }
    StringBuilder line = lines.get(row);
    while (line.length() < column) {
      line.append(' ');
    }
    if (column < line.length()) {
      line.setCharAt(column, c);
    } else {
      line.append(c);
    }
    column++;
  }

  private void moveTo(int newRow, int newColumn) {
    while (lines.size() <= newRow) {
      lines.add(new StringBuilder());
    }
    row = newRow;
    column = newColumn;
  }

  private static void erase(StringBuilder line, int from, int to) {
    for (int i = from; i < Math.min(to, line.length()); i++) {
      line.setCharAt(i, ' ');
    }
  }
}
