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

  /**
   * Interrupts the calling thread if the signal is raised before the returned scope closes, so that
   * work with no cancel of its own (fetching the context, rendering, planning) stops when the run
   * is cancelled or times out. Closing clears an interrupt the scope caused.
   */
  public Scope interruptWhileRaised() {
    Thread thread = Thread.currentThread();
    Object lock = new Object();
    boolean[] open = {true};
    Runnable interrupt =
        () -> {
          synchronized (lock) {
            if (open[0]) {
              thread.interrupt();
            }
          }
        };
    onRaise(interrupt);
    return () -> {
      synchronized (lock) {
        open[0] = false;
      }
      actions.remove(interrupt);
      if (isRaised()) {
        Thread.interrupted();
      }
    };
  }

  /** A stretch of work that a raised signal interrupts; closing ends it. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
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
