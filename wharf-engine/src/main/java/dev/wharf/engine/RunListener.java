package dev.wharf.engine;

import java.util.List;

/** Receives a run's events: printers, the server's log store and live streams are listeners. */
@FunctionalInterface
public interface RunListener {

  /**
   * Called from the run's threads, possibly concurrently and on a thread that is being interrupted
   * (a step's timeout or cancellation): implementations must be thread-safe and should not write
   * through interruptible channels.
   */
  void onEvent(RunEvent event);

  /** A listener that does nothing. */
  static RunListener none() {
    return event -> {};
  }

  /**
   * Passes every event to each listener in order; one listener's failure does not starve the others
   * and is rethrown once all have been called.
   */
  static RunListener fanOut(List<RunListener> listeners) {
    List<RunListener> copy = List.copyOf(listeners);
    return event -> {
      RuntimeException first = null;
      for (RunListener listener : copy) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    };
  }
}
