package dev.wharf.engine;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Masks secrets in every event before passing it on; sits in front of all other listeners so that
 * nothing Wharf prints or stores shows a secret. Warnings about secrets too short to mask follow
 * the {@code RunStarted} event; output held back because it may begin a secret is passed on when
 * its step finishes.
 */
public final class MaskingListener implements RunListener {
  private final SecretMasker masker;
  private final RunListener next;
  private final Map<StreamKey, SecretMasker.StreamMasker> streams = new HashMap<>();

  public MaskingListener(SecretMasker masker, RunListener next) {
    this.masker = Objects.requireNonNull(masker, "masker cannot be null");
    this.next = Objects.requireNonNull(next, "next cannot be null");
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof RunEvent.RunStarted) {
      next.onEvent(event);
      masker.warnings().forEach(w -> next.onEvent(new RunEvent.Message(w)));
    } else if (event instanceof RunEvent.StepStarted s) {
      next.onEvent(
          new RunEvent.StepStarted(
              s.stepId(),
              s.timeout(),
              masker.mask(s.workingDirectory()),
              masker.mask(s.network()),
              s.detach()));
    } else if (event instanceof RunEvent.StepLog log) {
      String shown =
          streams
              .computeIfAbsent(new StreamKey(log.stepId(), log.stream()), k -> masker.stream())
              .accept(log.text());
      forward(log.stepId(), log.stream(), shown);
    } else if (event instanceof RunEvent.StepFinished finished) {
      flush(finished.result().stepId());
      next.onEvent(new RunEvent.StepFinished(masked(finished.result())));
    } else if (event instanceof RunEvent.Dependencies deps) {
      next.onEvent(new RunEvent.Dependencies(deps.images(), masker.mask(deps.json())));
    } else if (event instanceof RunEvent.Message message) {
      next.onEvent(new RunEvent.Message(masker.mask(message.text())));
    } else if (event instanceof RunEvent.RunFinished finished) {
      flush(null);
      RunResult r = finished.result();
      next.onEvent(
          new RunEvent.RunFinished(
              new RunResult(
                  r.runId(),
                  r.status(),
                  r.start(),
                  r.end(),
                  r.steps().stream().map(this::masked).toList(),
                  masker.mask(r.error()))));
    }
  }

  /** Shows what is held back for one step (or for every step when {@code stepId} is null). */
  private void flush(String stepId) {
    Iterator<Map.Entry<StreamKey, SecretMasker.StreamMasker>> entries =
        streams.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<StreamKey, SecretMasker.StreamMasker> entry = entries.next();
      StreamKey key = entry.getKey();
      if (stepId == null || stepId.equals(key.stepId())) {
        forward(key.stepId(), key.stream(), entry.getValue().flush());
        entries.remove();
      }
    }
  }

  private void forward(String stepId, RunEvent.Stream stream, String text) {
    if (!text.isEmpty()) {
      next.onEvent(new RunEvent.StepLog(stepId, stream, text));
    }
  }

  private StepResult masked(StepResult result) {
    return result.withError(masker.mask(result.error()));
  }

  private record StreamKey(String stepId, RunEvent.Stream stream) {}
}
