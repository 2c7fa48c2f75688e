package dev.wharf.server;

import dev.wharf.api.OutputImage;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import dev.wharf.server.agent.CancelSignal;
import dev.wharf.server.agent.LogSink;
import dev.wharf.server.agent.RunExecutor;
import dev.wharf.server.agent.RunJob;
import dev.wharf.server.agent.RunOutcome;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a run by following a one-line script in its task text, e.g. {@code lines=5 delay=20
 * outcome=succeed image=app:v1 echo=true}: writes N log lines with a delay, echoes values (secret
 * ones included, to prove masking), then succeeds, fails, throws, or waits until cancelled.
 */
final class FakeExecutor implements RunExecutor {
  final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();

  /** What a test's runs do instead of following their script, when set. */
  volatile Behaviour behaviour;

  /** A run's work as a test writes it. */
  interface Behaviour {
    RunOutcome run(RunJob job, LogSink log) throws Exception;
  }

  @Override
  public RunOutcome execute(RunJob job, LogSink log, CancelSignal cancel) throws Exception {
    executions.computeIfAbsent(job.runId(), id -> new AtomicInteger()).incrementAndGet();
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      Behaviour custom = behaviour;
      return custom != null ? custom.run(job, log) : script(job, log, cancel);
    } finally {
      running.decrementAndGet();
    }
  }

  private static RunOutcome script(RunJob job, LogSink log, CancelSignal cancel) throws Exception {
    Map<String, String> script = new HashMap<>();
    String text = job.spec().taskText() == null ? "lines=1" : job.spec().taskText();
    for (String word : text.trim().split("\\s+")) {
      String[] pair = word.split("=", 2);
      script.put(pair[0], pair.length > 1 ? pair[1] : "");
    }
    int lines = Integer.parseInt(script.getOrDefault("lines", "1"));
    long delay = Long.parseLong(script.getOrDefault("delay", "0"));
    for (int i = 1; i <= lines; i++) {
      log.line("line " + i + " of " + job.runId());
      if (delay > 0 && cancel.await(Duration.ofMillis(delay))) {
        return RunOutcome.failed("stopped");
      }
    }
    if (script.containsKey("echo")) {
      job.spec().values().forEach((k, v) -> log.line("value " + k + "=" + v));
      job.spec().secretValues().forEach((k, v) -> log.line("secret " + k + "=" + v));
      job.spec().credentials().forEach(c -> log.line("login " + c.username() + ":" + c.password()));
      if (!job.spec().gitAccessToken().isEmpty()) {
        log.line("git token " + job.spec().gitAccessToken());
      }
    }
    if (job.contextArchive() != null) {
      log.line("context bytes " + Files.size(job.contextArchive()));
    }
    String outcome = script.getOrDefault("outcome", "succeed");
    switch (outcome) {
      case "fail":
        return RunOutcome.failed("step build failed with exit code 1");
      case "throw":
        throw new IllegalStateException("engine exploded");
      case "overflow":
        throw new StackOverflowError();
      case "wait":
        log.line("waiting to be cancelled");
        cancel.await(Duration.ofMinutes(5));
        return RunOutcome.failed("stopped");
      default:
        List<OutputImage> images = List.of();
        if (script.containsKey("image")) {
          String[] image = script.get("image").split(":", 2);
          images =
              List.of(
                  new OutputImage(
                      "localhost:5000", image[0], image[1], "sha256:" + "ab".repeat(32)));
        }
        return new RunOutcome(
            RunStatus.Succeeded,
            null,
            images,
            null,
            List.of(new StepTiming("acb_step_0", "Succeeded", 0.01)));
    }
  }
}
