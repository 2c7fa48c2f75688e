package dev.wharf.engine;

import java.util.Objects;

/** What a running step may see of its run: its ids and the event stream for its output. */
public final class StepContext {
  /** Enough to find a retry marker near the start of an attempt's output, bounded for memory. */
  private static final int CAPTURE_LIMIT = 1 << 20;

  private final String runId;
  private final String stepId;
  private final RunListener listener;
  private final StringBuilder attemptOutput = new StringBuilder();

  StepContext(String runId, String stepId, RunListener listener) {
    this.runId = Objects.requireNonNull(runId, "runId cannot be null");
    this.stepId = Objects.requireNonNull(stepId, "stepId cannot be null");
    this.listener = Objects.requireNonNull(listener, "listener cannot be null");
  }

  public String runId() {
    return runId;
  }

  public String stepId() {
    return stepId;
  }

  /** Forwards a chunk of the container's output; chunks need not end at line boundaries. */
  public void output(RunEvent.Stream stream, String text) {
    synchronized (attemptOutput) {
      if (attemptOutput.length() < CAPTURE_LIMIT) {
        attemptOutput.append(
            text, 0, Math.min(text.length(), CAPTURE_LIMIT - attemptOutput.length()));
      }
    }
    listener.onEvent(new RunEvent.StepLog(stepId, stream, text));
  }

  /** Prints one of acb's informational log lines (e.g. {@code Pushing image: …}). */
  public void message(String text) {
    listener.onEvent(new RunEvent.Message(text));
  }

  String takeAttemptOutput() {
    synchronized (attemptOutput) {
      String text = attemptOutput.toString();
      attemptOutput.setLength(0);
      return text;
    }
  }
}
