package dev.wharf.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A step action scripted by a function of the attempt number, recording what it was asked. */
final class FakeAction implements StepAction {

  /** What one attempt does. */
  interface Attempt {
    StepOutcome run(StepContext context, int attempt) throws Exception;
  }

  private final Attempt attempt;
  private final List<String> calls = new ArrayList<>();
  final CountDownLatch prepared = new CountDownLatch(1);
  final CountDownLatch executing = new CountDownLatch(1);
  final CountDownLatch stopped = new CountDownLatch(1);

  FakeAction(Attempt attempt) {
    this.attempt = attempt;
  }

  static FakeAction succeeding() {
    return new FakeAction((context, n) -> StepOutcome.success());
  }

  static FakeAction failing(String error) {
    return new FakeAction((context, n) -> StepOutcome.failure(error));
  }

  /** Runs until interrupted, then reports the interruption as acb's killed container would. */
  static FakeAction blocking() {
    return new FakeAction(
        (context, n) -> {
          new CountDownLatch(1).await();
          return StepOutcome.success();
        });
  }

  @Override
  public void prepare(StepContext context) {
    record("prepare");
    prepared.countDown();
  }

  @Override
  public StepOutcome execute(StepContext context, int n) throws Exception {
    record("execute " + n);
    executing.countDown();
    return attempt.run(context, n);
  }

  @Override
  public void discard(StepContext context, int previousAttempt) {
    record("discard " + previousAttempt);
  }

  @Override
  public void stop(StepContext context, boolean force) {
    record(force ? "stop force" : "stop");
    stopped.countDown();
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  private synchronized void record(String call) {
    calls.add(call);
  }
}
