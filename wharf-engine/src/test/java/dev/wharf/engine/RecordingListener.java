package dev.wharf.engine;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it receives, in order, for assertions. */
final class RecordingListener implements RunListener {
  private final List<RunEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(RunEvent event) {
    events.add(event);
  }

  synchronized List<RunEvent> events() {
    return List.copyOf(events);
  }

  List<String> messages() {
    return events().stream()
        .filter(RunEvent.Message.class::isInstance)
        .map(e -> ((RunEvent.Message) e).text())
        .toList();
  }

  /** Step ids and what happened to them, e.g. {@code started a}, {@code finished a}. */
  List<String> stepMilestones() {
    List<String> milestones = new ArrayList<>();
    for (RunEvent event : events()) {
      if (event instanceof RunEvent.StepStarted started) {
        milestones.add("started " + started.stepId());
      } else if (event instanceof RunEvent.StepFinished finished) {
        milestones.add("finished " + finished.result().stepId());
      }
    }
    return milestones;
  }
}
