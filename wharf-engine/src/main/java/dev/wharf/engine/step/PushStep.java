package dev.wharf.engine.step;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.StepAction;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.StepOutcome;
import dev.wharf.engine.container.EngineException;
import dev.wharf.task.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code push} step: each image in order, up to three attempts with acb's backoff; the digest the
 * registry stored is kept for the dependencies report.
 */
final class PushStep implements StepAction {
  static final int ATTEMPTS = 3;

  private final Step step;
  private final RunEnvironment env;
  private final Duration firstBackoff;

  /**
   * @param firstBackoff acb's 250 ms, doubled after each failed attempt
   */
  PushStep(Step step, RunEnvironment env, Duration firstBackoff) {
    this.step = step;
    this.env = env;
    this.firstBackoff = firstBackoff;
  }

  @Override
  public StepOutcome execute(StepContext context, int attempt) throws Exception {
    List<String> digests = new ArrayList<>();
    for (String image : step.push()) {
      String digest = pushWithRetries(context, image);
      if (digest == null) {
        return StepOutcome.failure("failed to push images successfully");
      }
      env.pushed().put(image, digest);
      digests.add(digest);
    }
    return StepOutcome.success(digests);
  }

  private String pushWithRetries(StepContext context, String image) throws InterruptedException {
    Duration backoff = firstBackoff;
    for (int n = 1; n <= ATTEMPTS; n++) {
      context.message("Pushing image: " + image + ", attempt " + n);
      try {
        String digest =
            env.engine()
                .push(
                    image,
                    env.logins(),
                    line -> context.output(RunEvent.Stream.STDOUT, line + "\n"));
        context.message("Successfully pushed image: " + image);
        return digest;
      } catch (EngineException e) {
        context.output(RunEvent.Stream.STDERR, e.getMessage() + "\n");
      }
      Thread.sleep(backoff.toMillis());
      backoff = backoff.multipliedBy(2);
    }
    return null;
  }
}
