package dev.wharf.server.agent;

import dev.wharf.api.AgentProtocolException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the server again while it cannot be reached or fails (status 0 or 5xx), backing off from
 * 100 ms to 2 s, for up to {@code giveUpMillis}; a refusal (4xx) is thrown at once.
 */
final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 2_000;

  private final long giveUpMillis;
  private final BooleanSupplier stopped;

  Retry(long giveUpMillis, BooleanSupplier stopped) {
    this.giveUpMillis = giveUpMillis;
    this.stopped = stopped;
  }

  void call(String what, Runnable call) throws InterruptedException {
    get(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  <T> T get(String what, Supplier<T> call) throws InterruptedException {
    long deadline = System.currentTimeMillis() + giveUpMillis;
    long pause = FIRST_PAUSE_MILLIS;
    boolean warned = false;
    while (true) {
      try {
        T result = call.get();
        if (warned) {
          LOG.info("the server answers again; could {}", what);
        }
        return result;
      } catch (AgentProtocolException e) {
        boolean transient_ = e.status() == AgentProtocolException.UNREACHABLE || e.status() >= 500;
        if (!transient_ || System.currentTimeMillis() > deadline || stopped.getAsBoolean()) {
          throw e;
        }
        if (!warned) {
          LOG.warn("could not {} ({}); trying again", what, e.getMessage());
          warned = true;
        }
        Thread.sleep(pause);
        pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
      }
    }
  }
}
