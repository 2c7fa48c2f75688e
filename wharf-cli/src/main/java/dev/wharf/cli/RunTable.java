package dev.wharf.cli;

import dev.wharf.api.AgentWire;
import dev.wharf.api.Run;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The tables of {@code wharf task}, in {@code az acr}'s layout: columns, then a dashed rule. */
final class RunTable {
  private RunTable() {}

  /** {@code RUN ID | TASK | PLATFORM | STATUS | TRIGGER | STARTED | DURATION}. */
  static String runs(List<Run> runs) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("RUN ID", "TASK", "PLATFORM", "STATUS", "TRIGGER", "STARTED", "DURATION"));
    for (Run run : runs) {
      rows.add(
          List.of(
              run.runId(),
              // a quick run has no task: its type says what it was
              run.task() != null ? run.task() : "(" + run.runType() + ")",
              orEmpty(run.platform()),
              run.status().name(),
              orEmpty(run.trigger()),
              run.startTime() == null
                  ? ""
                  : run.startTime().truncatedTo(ChronoUnit.SECONDS).toString(),
              duration(run.startTime(), run.finishTime())));
    }
    return table(rows);
  }

  /** {@code NAME | PLATFORM | STATUS | CONTEXT | FILE}. */
  static String tasks(List<Task> tasks) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "PLATFORM", "STATUS", "CONTEXT", "FILE"));
    for (Task task : tasks) {
      rows.add(
          List.of(
              task.name(),
              orEmpty(task.platform()),
              task.status().name(),
              orEmpty(task.context()),
              task.taskText() != null ? "(inline)" : orEmpty(task.file())));
    }
    return table(rows);
  }

  /** {@code NAME | POOL | LABELS | VERSION | PLATFORM | LAST SEEN | RUNNING}. */
  static String agents(List<AgentWire.AgentInfo> agents) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "POOL", "LABELS", "VERSION", "PLATFORM", "LAST SEEN", "RUNNING"));
    for (AgentWire.AgentInfo agent : agents) {
      rows.add(
          List.of(
              agent.name(),
              orEmpty(agent.pool()),
              agent.labels().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .sorted()
                  .collect(java.util.stream.Collectors.joining(",")),
              orEmpty(agent.version()),
              orEmpty(agent.platform()),
              agent.lastSeen() == null
                  ? ""
                  : agent.lastSeen().truncatedTo(ChronoUnit.SECONDS).toString(),
              Integer.toString(agent.running())));
    }
    return table(rows);
  }

  /** The lines {@code show-run} prints about what started a run; none for a manual run. */
  static List<String> triggerDetails(RunTrigger trigger) {
    List<String> lines = new ArrayList<>();
    if (trigger instanceof RunTrigger.Source source) {
      lines.add(
          "Trigger:        "
              + source.label()
              + " ("
              + source.provider()
              + ", "
              + source.event()
              + ")");
      lines.add("Repository:     " + orEmpty(source.repository()));
      lines.add("Branch:         " + orEmpty(source.branch()));
      lines.add("Commit:         " + orEmpty(source.commit()));
      if (source.pullRequest() != null) {
        lines.add("Pull request:   " + source.pullRequest());
      }
    } else if (trigger instanceof RunTrigger.Timer timer) {
      lines.add("Trigger:        Timer " + timer.name() + ", occurrence " + timer.scheduledTime());
    } else if (trigger instanceof RunTrigger.ImageUpdate update) {
      lines.add("Trigger:        Image Update of " + update.image());
      lines.add("Digest:         " + update.oldDigest() + " -> " + update.newDigest());
    }
    return lines;
  }

  /**
   * {@code hh:mm:ss} between start and finish, empty until both are known; seconds rounded as the
   * run log's "after Ns" rounds them.
   */
  static String duration(Instant start, Instant finish) {
    if (start == null || finish == null) {
      return "";
    }
    long seconds = Math.max(0, Math.round(Duration.between(start, finish).toMillis() / 1000.0));
    return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  static String table(List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, rows.get(0), widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    for (List<String> row : rows.subList(1, rows.size())) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      line.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", cells.get(c)));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
