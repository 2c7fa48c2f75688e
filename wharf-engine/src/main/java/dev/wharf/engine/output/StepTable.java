package dev.wharf.engine.output;

import dev.wharf.engine.StepResult;
import dev.wharf.engine.StepStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The final table of steps (docs/behaviour.md#run-output): status, duration and the image digests
 * produced.
 */
final class StepTable {
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";
  private static final List<String> HEADER = List.of("STEP", "STATUS", "DURATION", "DIGESTS");

  private StepTable() {}

  /** The table's lines, columns aligned on the text without colour codes. */
  static List<String> lines(List<StepResult> steps, boolean colour) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (StepResult step : steps) {
      rows.add(
          List.of(
              step.stepId(),
              step.status().tableLabel(),
              duration(step.elapsed()),
              String.join(", ", step.digests())));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        String shown = colour && r > 0 && i == 1 ? paint(cell, steps.get(r - 1).status()) : cell;
        line.append(shown);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  static String duration(Duration elapsed) {
    return String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0);
  }

  static String paint(String text, StepStatus status) {
    String code =
        switch (status) {
          case SUCCESSFUL -> GREEN;
          case FAILED, TIMED_OUT -> RED;
          case IGNORED_FAILURE, CANCELLED -> YELLOW;
          case SKIPPED -> DIM;
        };
    return code + text + RESET;
  }

  static String paint(String text, boolean success) {
    return (success ? GREEN : RED) + text + RESET;
  }
}
