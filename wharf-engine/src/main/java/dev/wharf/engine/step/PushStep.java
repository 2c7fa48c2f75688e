package dev.wharf.engine.step;

import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.container.EngineException;
import dev.wharf.task.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes a {@code push} step's images in order, each up to three times with acb's backoff
 * (docs/behaviour.md#retries-and-repeats); the digests the registry answered become the step's
 * result.
 */
final class PushStep implements StepAction {

  static final int ATTEMPTS = 3;

  private final Step step;
  private final StepEnvironment env;

  PushStep(Step step, StepEnvironment env) {
    this.step = step;
    this.env = env;
  }

  @Override
  public StepOutcome execute(StepContext context, int attempt) throws InterruptedException {
    List<String> digests = new ArrayList<>();
    for (String image : step.push()) {
      String digest = push(context, image);
      if (digest == null) {
        return StepOutcome.failure("failed to push images successfully");
      }
      digests.add(image + "@" + digest);
    }
    return StepOutcome.success(digests);
  }

  private String push(StepContext context, String image) throws InterruptedException {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      context.message("Pushing image: " + image + ", attempt " + attempt);
      try {
        String digest = env.engine().push(image, env.logins(), line -> {});
        context.message("Successfully pushed image: " + image);
        return digest;
      } catch (EngineException e) {
        context.message(e.getMessage());
        if (attempt < ATTEMPTS) {
          Thread.sleep(backoff(attempt - 1).toMillis());
        }
      }
    }
    return null;
  }

  /** acb's backoff: 250 ms × 2^attempt, at most 5 s. */
  static Duration backoff(int attempt) {
    if (attempt <= 0) {
      return Duration.ofMillis(250);
    }
    return Duration.ofMillis(Math.min(5000, 250L << Math.min(attempt, 5)));
  }
}
