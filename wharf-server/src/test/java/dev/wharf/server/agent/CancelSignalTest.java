package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancelSignalTest {
  @Test
  void raise_runsEachActionOnce_andLateActionsAtOnce() throws Exception {
    CancelSignal signal = new CancelSignal();
    AtomicInteger calls = new AtomicInteger();
    signal.onRaise(calls::incrementAndGet);

    signal.raise();
    signal.raise();
    signal.onRaise(calls::incrementAndGet);

    assertThat(calls.get()).isEqualTo(2);
    assertThat(signal.await(Duration.ZERO)).isTrue();
  }

  @Test
  void await_notRaised_timesOutFalse() throws Exception {
    assertThat(new CancelSignal().await(Duration.ofMillis(10))).isFalse();
  }

  @Test
  void interruptWhileRaised_raisedInsideTheScope_interruptsAndClosingClears() {
    CancelSignal signal = new CancelSignal();
    CancelSignal.Scope scope = signal.interruptWhileRaised();
    signal.raise();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    scope.close();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void interruptWhileRaised_raisedAfterTheScope_doesNotInterrupt() {
    CancelSignal signal = new CancelSignal();
    CancelSignal.Scope scope = signal.interruptWhileRaised();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    scope.close();
    signal.raise();
    assertThat(Thread.interrupted()).isFalse();
  }
}
