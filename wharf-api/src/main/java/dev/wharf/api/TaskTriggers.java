package dev.wharf.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What starts a saved task besides a person: a commit trigger on its git context, named timers, and
 * the base-image trigger.
 *
 * @param source the commit and pull-request trigger, null for none
 * @param timers named cron schedules (UTC)
 * @param baseImage the base-image trigger; null means the default (enabled, {@code Runtime})
 */
public record TaskTriggers(
    SourceTrigger source, List<TimerTrigger> timers, BaseImageTrigger baseImage) {
  private static final Pattern TIMER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,50}");

  public TaskTriggers {
    timers = timers == null ? List.of() : List.copyOf(timers);
    baseImage = baseImage == null ? BaseImageTrigger.DEFAULT : baseImage;
    List<String> names = new ArrayList<>();
    for (TimerTrigger timer : timers) {
      if (!TIMER_NAME.matcher(timer.name()).matches()) {
        throw new IllegalArgumentException(
            "a timer name is 1 to 50 letters, digits, '-' or '_': " + timer.name());
      }
      if (names.contains(timer.name())) {
        throw new IllegalArgumentException("the task has two timers named " + timer.name());
      }
      names.add(timer.name());
    }
  }

  /** No commit trigger, no timers, the default base-image trigger. */
  public static TaskTriggers none() {
    return new TaskTriggers(null, null, null);
  }

  /** These triggers without the webhook secret, as callers see them. */
  public TaskTriggers shown() {
    return new TaskTriggers(source == null ? null : source.shown(), timers, baseImage);
  }

  /** These triggers with another list of timers. */
  public TaskTriggers withTimers(List<TimerTrigger> newTimers) {
    return new TaskTriggers(source, newTimers, baseImage);
  }

  /**
   * A commit trigger: runs for pushes to {@code branch} (and pull requests into it), learnt from
   * webhooks and, when {@code pollIntervalSeconds > 0}, by asking the remote for its heads.
   *
   * @param webhookSecret the secret webhooks are signed with; write-only, null in what callers see
   * @param webhookSecretSet whether the task has a webhook secret (what callers see instead)
   */
  public record SourceTrigger(
      boolean commitEnabled,
      boolean pullRequestEnabled,
      String branch,
      int pollIntervalSeconds,
      String webhookSecret,
      boolean webhookSecretSet) {
    /** How often the server polls a repository by default. */
    public static final int DEFAULT_POLL_SECONDS = 60;

    public SourceTrigger {
      if (pollIntervalSeconds < 0 || pollIntervalSeconds > 86_400) {
        throw new IllegalArgumentException(
            "a poll interval is 0 (webhooks only) to 86400 seconds: " + pollIntervalSeconds);
      }
      if (webhookSecret != null && webhookSecret.isEmpty()) {
        webhookSecret = null;
      }
      webhookSecretSet = webhookSecretSet || webhookSecret != null;
    }

    SourceTrigger shown() {
      return new SourceTrigger(
          commitEnabled, pullRequestEnabled, branch, pollIntervalSeconds, null, webhookSecretSet);
    }
  }

  /** A named 5-field cron schedule, in UTC. */
  public record TimerTrigger(String name, String schedule, boolean enabled) {}

  /**
   * The base-image trigger: rebuild when a base image the task was built on gets a new digest.
   *
   * @param type {@code Runtime} (the final stage's base only) or {@code All}
   */
  public record BaseImageTrigger(boolean enabled, BaseImageTriggerType type) {
    /** Enabled, runtime bases only, as ACR's default. */
    public static final BaseImageTrigger DEFAULT =
        new BaseImageTrigger(true, BaseImageTriggerType.Runtime);

    public BaseImageTrigger {
      type = type == null ? BaseImageTriggerType.Runtime : type;
    }
  }

  /** Which base images a base-image trigger follows. */
  public enum BaseImageTriggerType {
    Runtime,
    All
  }
}
