package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What started a run: a person or client ({@link Manual}), a commit or pull request ({@link
 * Source}), a timer ({@link Timer}) or a base-image update ({@link ImageUpdate}). Its {@link
 * #label()} is the run's {@code trigger} as {@code list-runs} shows it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunTrigger.Manual.class, name = "Manual"),
  @JsonSubTypes.Type(value = RunTrigger.Source.class, name = "Source"),
  @JsonSubTypes.Type(value = RunTrigger.Timer.class, name = "Timer"),
  @JsonSubTypes.Type(value = RunTrigger.ImageUpdate.class, name = "ImageUpdate")
})
public sealed interface RunTrigger {
  /** The trigger of every run started by hand. */
  RunTrigger MANUAL = new Manual(null);

  /**
   * {@code Manual}, {@code Commit}, {@code Pull Request}, {@code Timer} or {@code Image Update}.
   */
  String label();

  /**
   * A run started by a client.
   *
   * @param by who queued it, when known (reserved; null today)
   */
  record Manual(String by) implements RunTrigger {
    @Override
    public String label() {
      return "Manual";
    }
  }

  /**
   * A run started by a commit pushed to a branch, or by a pull request.
   *
   * @param provider {@code github}, {@code gitlab}, {@code gitea}, {@code bitbucket}, {@code
   *     azure-devops}, or {@code poll} when the server found the commit by polling
   * @param event {@link #COMMIT} or {@link #PULL_REQUEST}
   * @param repository the repository URL, without credentials
   * @param branch the branch pushed to (for a pull request: its source branch)
   * @param commit the full commit id the run checks out
   * @param pullRequest the pull request's number, null for a commit
   */
  record Source(
      String provider,
      String event,
      String repository,
      String branch,
      String commit,
      Long pullRequest)
      implements RunTrigger {
    /** The event of a push to a branch. */
    public static final String COMMIT = "commit";

    /** The event of a pull request opened or updated. */
    public static final String PULL_REQUEST = "pullrequest";

    @Override
    public String label() {
      return PULL_REQUEST.equals(event) ? "Pull Request" : "Commit";
    }
  }

  /**
   * A run started by one of the task's timers.
   *
   * @param name the timer's name
   * @param scheduledTime the occurrence of its schedule that the run is for
   */
  record Timer(String name, Instant scheduledTime) implements RunTrigger {
    @Override
    public String label() {
      return "Timer";
    }
  }

  /**
   * A run started because a base image the task is built on got a new digest.
   *
   * @param image the tracked image, {@code registry/repository:tag}
   * @param oldDigest the digest the task's last successful run used
   * @param newDigest the digest the tag points to now
   */
  record ImageUpdate(String image, String oldDigest, String newDigest) implements RunTrigger {
    @Override
    public String label() {
      return "Image Update";
    }
  }
}
