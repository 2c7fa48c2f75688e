package dev.wharf.api;

import java.time.Instant;
import java.util.List;

/**
 * What a task's triggers last did, as {@code wharf task show} reports it.
 *
 * @param lastPoll when the server last asked the repository for its heads, null if never
 * @param lastPollError why the last poll failed, null when it worked
 * @param lastDelivery when a webhook for the task was last accepted, null if never
 * @param lastCommit the last head commit seen on the trigger's branch
 * @param timers each timer's next and last occurrence
 * @param baseImages the base images the task tracks, with the digests its last successful run used
 */
public record TriggerState(
    Instant lastPoll,
    String lastPollError,
    Instant lastDelivery,
    String lastCommit,
    List<TimerState> timers,
    List<TrackedImage> baseImages) {
  public TriggerState {
    timers = timers == null ? List.of() : List.copyOf(timers);
    baseImages = baseImages == null ? List.of() : List.copyOf(baseImages);
  }

  /** One timer's schedule as it stands. */
  public record TimerState(
      String name,
      String schedule,
      boolean enabled,
      Instant nextOccurrence,
      Instant lastOccurrence) {}

  /**
   * A base image the task depends on.
   *
   * @param image {@code registry/repository:tag}
   * @param digest the digest the task's last successful run used, null when the engine knew none
   *     (an image that never came from a registry is not watched)
   * @param type {@code RunTime} (the final stage's base) or {@code BuildTime}
   * @param watched whether a new digest of it queues a run (the task's base-image trigger is on and
   *     covers this type, and there is a digest to compare)
   * @param latestDigest the digest the tag points to as last heard, null if nothing was heard
   * @param latestSeen when that was heard
   * @param latestSource {@code notification} (the registry's push notification) or {@code poll}
   * @param lastPoll when the server last asked the registry for the tag, null if never
   * @param lastPollError why that poll failed, null when it worked
   */
  public record TrackedImage(
      String image,
      String digest,
      String type,
      boolean watched,
      String latestDigest,
      Instant latestSeen,
      String latestSource,
      Instant lastPoll,
      String lastPollError) {}
}
