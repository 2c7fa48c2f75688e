package dev.wharf.server.logs;

import java.io.IOException;

/** Receives a run's log as it grows, whole lines at a time. */
@FunctionalInterface
public interface LogFollower {
  /**
   * Takes the next lines.
   *
   * @param lines one or more complete lines, each ending in a newline
   * @param nextOffset the byte offset just after them, for resuming
   */
  void lines(byte[] lines, long nextOffset) throws IOException;
}
