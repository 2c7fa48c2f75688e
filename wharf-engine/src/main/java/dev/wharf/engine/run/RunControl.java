package dev.wharf.engine.run;

import dev.wharf.engine.ActiveRun;

/**
 * Lets another thread (a signal handler) cancel a run: the first call stops it gracefully, a second
 * by force; cleanup happens either way.
 */
public final class RunControl {
  private ActiveRun active;
  private int requests;

  /** Cancels the run, or makes it stop before its first step when it has not reached them. */
  public synchronized void cancel() {
    requests++;
    if (active != null) {
      active.cancel();
    }
  }

  /** Whether a cancel was asked for. */
  public synchronized boolean cancelled() {
    return requests > 0;
  }

  /** Hands over the running steps; cancels that came before are applied to them. */
  synchronized void attach(ActiveRun run) {
    active = run;
    for (int i = 0; i < requests; i++) {
      run.cancel();
    }
  }
}
