package dev.wharf.cli;

import dev.wharf.api.Task;
import dev.wharf.api.TaskTriggers;
import dev.wharf.api.TriggerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@code wharf task show} prints about a task's triggers and their state. */
final class TriggerLines {
  private TriggerLines() {}

  static List<String> of(Task task) {
    List<String> lines = new ArrayList<>();
    TaskTriggers triggers = task.triggers();
    if (triggers == null) {
      return lines;
    }
    TriggerState state = task.triggerState();
    TaskTriggers.SourceTrigger source = triggers.source();
    if (source == null || !(source.commitEnabled() || source.pullRequestEnabled())) {
      lines.add("Commit trigger: Disabled");
    } else {
      lines.add(
          "Commit trigger: Enabled on branch "
              + (source.branch() == null ? "(the context's)" : source.branch())
              + (source.commitEnabled() ? ", commits" : "")
              + (source.pullRequestEnabled() ? ", pull requests" : "")
              + (source.pollIntervalSeconds() == 0
                  ? ", webhooks only"
                  : ", polled every " + source.pollIntervalSeconds() + "s")
              + (source.webhookSecretSet() ? ", webhook secret set" : ", no webhook secret"));
      if (state != null) {
        lines.add(
            "  last poll:    "
                + text(state.lastPoll())
                + (state.lastPollError() == null
                    ? ""
                    : " (failed: " + state.lastPollError() + ")"));
        lines.add("  last webhook: " + text(state.lastDelivery()));
        lines.add("  last commit:  " + (state.lastCommit() == null ? "-" : state.lastCommit()));
      }
    }
    if (state != null) {
      for (TriggerState.TimerState timer : state.timers()) {
        lines.add(
            "Timer "
                + timer.name()
                + ":       "
                + timer.schedule()
                + (timer.enabled() ? ", next " + text(timer.nextOccurrence()) : ", Disabled"));
      }
    } else {
      triggers.timers().forEach(t -> lines.add("Timer " + t.name() + ":       " + t.schedule()));
    }
    TaskTriggers.BaseImageTrigger baseImage = triggers.baseImage();
    lines.add(
        "Base image trigger: "
            + (baseImage.enabled() ? "Enabled (" + baseImage.type() + ")" : "Disabled"));
    if (state != null) {
      if (state.baseImages().isEmpty()) {
        lines.add("  tracked: none yet (a successful run records them)");
      }
      for (TriggerState.TrackedImage image : state.baseImages()) {
        lines.add(
            "  tracked: "
                + image.image()
                + " "
                + (image.digest() == null ? "(no digest: not watched)" : image.digest())
                + " "
                + image.type()
                + (image.digest() != null && !image.watched() ? " (not watched)" : ""));
        if (image.latestDigest() != null) {
          lines.add(
              "    latest: "
                  + (image.latestDigest().equalsIgnoreCase(String.valueOf(image.digest()))
                      ? "same"
                      : image.latestDigest())
                  + " ("
                  + image.latestSource()
                  + " "
                  + text(image.latestSeen())
                  + ")");
        }
        if (image.lastPoll() != null) {
          lines.add(
              "    last poll: "
                  + text(image.lastPoll())
                  + (image.lastPollError() == null
                      ? ""
                      : " (failed: " + image.lastPollError() + ")"));
        }
      }
    }
    return lines;
  }

  private static String text(Instant instant) {
    return instant == null ? "-" : instant.toString();
  }
}
