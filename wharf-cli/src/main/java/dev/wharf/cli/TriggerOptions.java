package dev.wharf.cli;

import dev.wharf.api.TaskTriggers;
import dev.wharf.api.TaskTriggers.BaseImageTrigger;
import dev.wharf.api.TaskTriggers.BaseImageTriggerType;
import dev.wharf.api.TaskTriggers.SourceTrigger;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The trigger flags of {@code wharf task create} and {@code update}, as {@code az acr task}'s. */
final class TriggerOptions {
  private static final Pattern NAMED_SCHEDULE = Pattern.compile("([A-Za-z0-9_-]{1,50}):(.+)");

  @Option(
      names = "--commit-trigger-enabled",
      arity = "1",
      paramLabel = "BOOL",
      description = "Run on each commit pushed to --branch (webhooks and polling). Default false.")
  Boolean commitTrigger;

  @Option(
      names = "--pull-request-trigger-enabled",
      arity = "1",
      paramLabel = "BOOL",
      description = "Run on pull requests into --branch (webhooks). Default false.")
  Boolean pullRequestTrigger;

  @Option(
      names = "--branch",
      paramLabel = "BRANCH",
      description =
          "Branch the commit trigger follows (default: the context's #branch, else main).")
  String branch;

  @Option(
      names = "--commit-trigger-poll-interval",
      paramLabel = "SECONDS",
      description =
          "How often the server asks the repository for new commits; 0: webhooks only."
              + " Default 60.")
  Integer pollInterval;

  @Option(
      names = "--webhook-secret",
      paramLabel = "SECRET",
      description = "Secret the forge signs webhooks with (write-only, never shown).")
  String webhookSecret;

  @Option(
      names = "--base-image-trigger-enabled",
      arity = "1",
      paramLabel = "BOOL",
      description = "Run when a base image of the task gets a new digest. Default true.")
  Boolean baseImageTrigger;

  @Option(
      names = "--base-image-trigger-type",
      paramLabel = "TYPE",
      description = "Runtime (the final stage's base, default) or All (every stage's).")
  String baseImageType;

  /** The triggers of a new task, with its {@code --schedule}s as timers t1, t2, … */
  TaskTriggers forCreate(List<String> schedules) throws BadInputException {
    SourceTrigger source = null;
    if (commitTrigger != null
        || pullRequestTrigger != null
        || branch != null
        || pollInterval != null
        || webhookSecret != null) {
      source =
          sourceTrigger(
              Boolean.TRUE.equals(commitTrigger),
              Boolean.TRUE.equals(pullRequestTrigger),
              pollInterval == null ? SourceTrigger.DEFAULT_POLL_SECONDS : pollInterval);
    }
    BaseImageTrigger baseImage =
        new BaseImageTrigger(
            baseImageTrigger == null || baseImageTrigger,
            baseImageType(BaseImageTriggerType.Runtime));
    try {
      return new TaskTriggers(source, timers(schedules), baseImage);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** The {@code triggers} member of a PATCH: only what was given. */
  Map<String, Object> forUpdate() throws BadInputException {
    Map<String, Object> triggers = new LinkedHashMap<>();
    Map<String, Object> source = new LinkedHashMap<>();
    putIfSet(source, "commitEnabled", commitTrigger);
    putIfSet(source, "pullRequestEnabled", pullRequestTrigger);
    putIfSet(source, "branch", branch);
    putIfSet(source, "pollIntervalSeconds", pollInterval);
    putIfSet(source, "webhookSecret", webhookSecret);
    if (!source.isEmpty()) {
      triggers.put("source", source);
    }
    if (baseImageTrigger != null || baseImageType != null) {
      Map<String, Object> baseImage = new LinkedHashMap<>();
      baseImage.put("enabled", baseImageTrigger == null || baseImageTrigger);
      baseImage.put("type", baseImageType(BaseImageTriggerType.Runtime));
      triggers.put("baseImage", baseImage);
    }
    return triggers;
  }

  /** {@code --schedule "CRON"} or {@code "NAME:CRON"}; unnamed ones are t1, t2, … */
  static List<TimerTrigger> timers(List<String> schedules) {
    List<TimerTrigger> timers = new ArrayList<>();
    for (String schedule : schedules) {
      Matcher named = NAMED_SCHEDULE.matcher(schedule.trim());
      if (named.matches()) {
        timers.add(new TimerTrigger(named.group(1), named.group(2).trim(), true));
      } else {
        timers.add(new TimerTrigger("t" + (timers.size() + 1), schedule.trim(), true));
      }
    }
    return timers;
  }

  private SourceTrigger sourceTrigger(boolean commit, boolean pullRequest, int poll)
      throws BadInputException {
    try {
      return new SourceTrigger(commit, pullRequest, branch, poll, webhookSecret, false);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--commit-trigger-poll-interval: " + e.getMessage());
    }
  }

  private BaseImageTriggerType baseImageType(BaseImageTriggerType fallback)
      throws BadInputException {
    if (baseImageType == null) {
      return fallback;
    }
    for (BaseImageTriggerType type : BaseImageTriggerType.values()) {
      if (type.name().equalsIgnoreCase(baseImageType)) {
        return type;
      }
    }
    throw new BadInputException(
        "--base-image-trigger-type is Runtime or All, not " + baseImageType);
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
