package dev.wharf.engine.output;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.StepResult;
import java.io.PrintStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prints a run as acb does: its log lines with a {@code YYYY/MM/DD HH:MM:SS} prefix on the error
 * stream, container output live on the output streams (prefixed with {@code [<step id>] } while
 * several steps run at once), then the summary, the dependencies, the table of steps and the final
 * {@code Run ID} line.
 */
public final class ConsolePrinter implements RunListener {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss ", Locale.ROOT);

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final boolean colour;
  private final Set<String> attachedRunning = new LinkedHashSet<>();
  private final Set<String> detached = new HashSet<>();
  private final Map<StreamKey, StringBuilder> partialLines = new HashMap<>();
  private String dependencies;

  /**
   * @param out receives container output (standard output and error alike)
   * @param err receives Wharf's log lines
   * @param clock gives the time and zone of the line prefixes
   * @param colour whether to colour statuses (see {@link #useColour})
   */
  public ConsolePrinter(PrintStream out, PrintStream err, Clock clock, boolean colour) {
    this.out = Objects.requireNonNull(out, "out cannot be null");
    this.err = Objects.requireNonNull(err, "err cannot be null");
    this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    this.colour = colour;
  }

  /** Colour only on a terminal and never when {@code NO_COLOR} is set to a non-empty value. */
  public static boolean useColour(boolean terminal, Map<String, String> environment) {
    String noColour = environment.get("NO_COLOR");
    return terminal && (noColour == null || noColour.isEmpty());
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof RunEvent.StepStarted started) {
      stepStarted(started);
    } else if (event instanceof RunEvent.StepLog log) {
      stepLog(log);
    } else if (event instanceof RunEvent.StepFinished finished) {
      stepFinished(finished.result().stepId());
    } else if (event instanceof RunEvent.Message message) {
      log(message.text());
    } else if (event instanceof RunEvent.Dependencies deps) {
      dependencies = deps.json();
    } else if (event instanceof RunEvent.RunFinished finished) {
      runFinished(finished.result());
    }
  }

  private void stepStarted(RunEvent.StepStarted started) {
    log(
        "Executing step ID: "
            + started.stepId()
            + ". Timeout(sec): "
            + started.timeout().toSeconds()
            + ", Working directory: '"
            + started.workingDirectory()
            + "', Network: '"
            + started.network()
            + "'");
    if (started.detach()) {
      detached.add(started.stepId());
    } else {
      attachedRunning.add(started.stepId());
    }
  }

  private void stepLog(RunEvent.StepLog log) {
    // Detached steps' output is kept in the run's log, not streamed (as acb).
    if (detached.contains(log.stepId())) {
      return;
    }
    // Container output, both its streams, goes to stdout; Wharf's own lines go to stderr (as acb).
    PrintStream target = out;
    StreamKey key = new StreamKey(log.stepId(), log.stream());
    StringBuilder partial = partialLines.computeIfAbsent(key, k -> new StringBuilder());
    if (attachedRunning.size() > 1) {
      // Whole lines only, so that two steps' output never shares a line.
      partial.append(log.text());
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        target.print(prefix(log.stepId()) + partial.substring(0, newline + 1));
        partial.delete(0, newline + 1);
      }
    } else {
      if (partial.length() > 0) {
        target.print(prefix(log.stepId()) + partial);
        partial.setLength(0);
      }
      target.print(log.text());
    }
    target.flush();
  }

  private void stepFinished(String stepId) {
    for (RunEvent.Stream stream : RunEvent.Stream.values()) {
      StringBuilder partial = partialLines.remove(new StreamKey(stepId, stream));
      if (partial != null && partial.length() > 0) {
        out.println(prefix(stepId) + partial);
        out.flush();
      }
    }
    attachedRunning.remove(stepId);
  }

  private void runFinished(RunResult result) {
    for (StepResult step : result.steps()) {
      log(
          String.format(
              Locale.ROOT,
              "Step ID: %s marked as %s (elapsed time in seconds: %f)",
              step.stepId(),
              step.status().summaryLabel(),
              step.elapsed().toNanos() / 1e9));
    }
    if (dependencies != null) {
      log("The following dependencies were found:");
      log("\n" + dependencies);
    }
    if (!result.steps().isEmpty()) {
      StepTable.lines(result.steps(), colour).forEach(err::println);
    }
    long seconds = Math.round(result.elapsed().toMillis() / 1000.0);
    String last =
        result.successful()
            ? "Run ID: " + result.runId() + " was successful after " + seconds + "s"
            : "Run ID: "
                + result.runId()
                + " failed after "
                + seconds
                + "s. Error: "
                + result.errorText().orElse(result.status().name().toLowerCase(Locale.ROOT));
    log(colour ? StepTable.paint(last, result.successful()) : last);
  }

  private void log(String text) {
    err.println(STAMP.format(clock.instant().atZone(clock.getZone())) + text);
    err.flush();
  }

  private record StreamKey(String stepId, RunEvent.Stream stream) {}

  private static String prefix(String stepId) {
    return "[" + stepId + "] ";
  }
}
