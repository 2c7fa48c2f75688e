package dev.wharf.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a running step may see of its run: its ids and the event stream for its output. */
public final class StepContext {
  private final String runId;
  private final String stepId;
  private final RunListener listener;
  private final List<String> retryMarkers;
  private final int carried;
  private final Map<RunEvent.Stream, String> tails = new EnumMap<>(RunEvent.Stream.class);
  private boolean markerSeen;

  /**
   * @param retryMarkers the step's {@code retryOnErrors}, looked for in each attempt's output as it
   *     streams by, so that no output needs to be kept
   */
  StepContext(String runId, String stepId, RunListener listener, List<String> retryMarkers) {
    this.runId = Objects.requireNonNull(runId, "runId cannot be null");
    this.stepId = Objects.requireNonNull(stepId, "stepId cannot be null");
    this.listener = Objects.requireNonNull(listener, "listener cannot be null");
    this.retryMarkers = List.copyOf(retryMarkers);
    this.carried = this.retryMarkers.stream().mapToInt(String::length).max().orElse(1) - 1;
  }

  public String runId() {
    return runId;
  }

  public String stepId() {
    return stepId;
  }

  /** Forwards a chunk of the container's output; chunks need not end at line boundaries. */
  public void output(RunEvent.Stream stream, String text) {
    if (!retryMarkers.isEmpty()) {
      look(stream, text);
    }
    listener.onEvent(new RunEvent.StepLog(stepId, stream, text));
  }

  /** Prints one of acb's informational log lines (e.g. {@code Pushing image: …}). */
  public void message(String text) {
    listener.onEvent(new RunEvent.Message(text));
  }

  /** Whether a retry marker appeared in the output since the last call, which starts afresh. */
  synchronized boolean takeRetryMarkerSeen() {
    boolean seen = markerSeen;
    markerSeen = false;
    tails.clear();
    return seen;
  }

  private synchronized void look(RunEvent.Stream stream, String text) {
    // The tail of the previous chunk lets a marker split across two chunks be found.
    String window = tails.getOrDefault(stream, "") + text;
    if (!markerSeen && retryMarkers.stream().anyMatch(window::contains)) {
      markerSeen = true;
    }
    tails.put(stream, window.substring(Math.max(0, window.length() - carried)));
  }
}
