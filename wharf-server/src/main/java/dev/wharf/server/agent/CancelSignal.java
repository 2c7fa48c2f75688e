package dev.wharf.server.agent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells an executor to stop a run (cancelled by a user, timed out, or the server stopping). */
public final class CancelSignal {
  private final CountDownLatch raised = new CountDownLatch(1);
  private final List<Runnable> actions = new CopyOnWriteArrayList<>();

  /** Whether the run should stop. */
  public boolean isRaised() {
    return raised.getCount() == 0;
  }

  /** Runs {@code action} when the signal is raised (at once if it already is). */
  public void onRaise(Runnable action) {
    actions.add(action);
    if (isRaised() && actions.remove(action)) {
      action.run();
    }
  }

  /** Waits up to {@code timeout} for the signal; answers whether it was raised. */
  public boolean await(Duration timeout) throws InterruptedException {
    return raised.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void raise() {
    if (isRaised()) {
      return;
    }
    raised.countDown();
    for (Runnable action : List.copyOf(actions)) {
      if (actions.remove(action)) {
        action.run();
      }
    }
  }
}
