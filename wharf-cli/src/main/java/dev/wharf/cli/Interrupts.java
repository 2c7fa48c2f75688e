package dev.wharf.cli;

import dev.wharf.engine.run.Runner;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run: the first cancels it cleanly, a second one stops the steps at
 * once; cleanup runs either way, and the exit status says which signal it was (130 or 143).
 */
final class Interrupts implements AutoCloseable {

  private final AtomicReference<String> received = new AtomicReference<>();
  private final SignalHandler previousInt;
  private final SignalHandler previousTerm;

  private Interrupts(Runner runner) {
    SignalHandler handler =
        signal -> {
          received.compareAndSet(null, signal.getName());
          runner.cancel();
        };
    previousInt = Signal.handle(new Signal("INT"), handler);
    previousTerm = Signal.handle(new Signal("TERM"), handler);
  }

  static Interrupts cancelling(Runner runner) {
    return new Interrupts(runner);
  }

  /** 130 after SIGINT, 143 after SIGTERM. */
  int exitStatus() {
    return "TERM".equals(received.get()) ? 143 : 130;
  }

  @Override
  public void close() {
    Signal.handle(new Signal("INT"), previousInt);
    Signal.handle(new Signal("TERM"), previousTerm);
  }
}
