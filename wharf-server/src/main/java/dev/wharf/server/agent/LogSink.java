package dev.wharf.server.agent;

/** Where an executor writes a run's log, one line at a time; lines are masked and stored. */
@FunctionalInterface
public interface LogSink {
  /** Appends one line (without its line break). */
  void line(String text);
}
