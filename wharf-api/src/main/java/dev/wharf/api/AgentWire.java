package dev.wharf.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The records of the agent protocol, as they travel between an agent and a server (over HTTP, or
 * in-process for the embedded agent).
 */
public final class AgentWire {
  private AgentWire() {}

  /**
   * An agent introducing itself.
   *
   * @param name unique among live agents
   * @param engine what identifies the container engine it runs runs on (host and Docker endpoint)
   * @param replace whether this agent takes the name over from a previous process at once (the
   *     embedded agent of a restarted server), instead of waiting for that process's lease to end
   * @param instance the id of the agent process (32 hex digits, drawn when it starts), which the
   *     server keeps as its agent id: a registration sent twice by one process is one registration,
   *     and the runs of an earlier process of the same name are told apart from its own; null lets
   *     the server draw one
   */
  public record Registration(
      String name,
      String pool,
      Map<String, String> labels,
      String version,
      String platform,
      int concurrency,
      String engine,
      boolean replace,
      String instance) {
    public Registration {
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** This registration for the process {@code instance}. */
    public Registration withInstance(String instance) {
      return new Registration(
          name, pool, labels, version, platform, concurrency, engine, replace, instance);
    }
  }

  /**
   * A server's welcome.
   *
   * @param heartbeatMillis how often the agent must send a heartbeat
   * @param cleanup runs lost on the agent's engine whose leftovers the agent should remove
   */
  public record Registered(String agentId, long heartbeatMillis, List<String> cleanup) {
    public Registered {
      cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
    }
  }

  /**
   * A run handed to an agent.
   *
   * @param startTime when the server started the run (its claim), which the run's log counts its
   *     duration from, so the log and the run's record agree
   */
  public record Assignment(
      String runId,
      RunType type,
      String task,
      RunSpec spec,
      RunTrigger trigger,
      Instant startTime) {}

  /**
   * An agent's heartbeat, which also waits up to {@code waitMillis} for a cancel.
   *
   * @param running the runs it executes
   * @param stopping those of them it already stops (their cancel need not be told again)
   */
  public record Heartbeat(List<String> running, List<String> stopping, long waitMillis) {
    public Heartbeat {
      running = running == null ? List.of() : List.copyOf(running);
      stopping = stopping == null ? List.of() : List.copyOf(stopping);
    }
  }

  /**
   * What the agent must do.
   *
   * @param cancel runs somebody asked to cancel
   * @param lost runs the agent no longer holds (they ended, or their lease expired): stop them
   * @param cleanup runs lost on the agent's engine whose leftovers it should remove
   */
  public record HeartbeatReply(List<String> cancel, List<String> lost, List<String> cleanup) {
    public HeartbeatReply {
      cancel = cancel == null ? List.of() : List.copyOf(cancel);
      lost = lost == null ? List.of() : List.copyOf(lost);
      cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
    }
  }

  /**
   * Lines of a run's log, numbered from 1, and where they start in the stored log (in bytes of
   * UTF-8, each line ending in a newline), so that a batch sent twice is stored once even if the
   * server stopped between storing it and answering.
   */
  public record LogBatch(long seq, long offset, List<String> lines) {
    public LogBatch {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The stored form of a line: one line of text, whatever line breaks it had. */
    public static String stored(String line) {
      return line.replace("\r", " ").replace("\n", " ");
    }

    /** How many bytes the lines take in the stored log. */
    public long bytes() {
      long bytes = 0;
      for (String line : lines) {
        bytes += stored(line).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
      }
      return bytes;
    }
  }

  /**
   * The end of a run.
   *
   * @param logSeq the number of the last log batch; the server refuses the end until it has it
   * @param status a final status
   * @param errorMessage what went wrong, in the user's words (already masked), or null
   */
  public record Finish(
      long logSeq,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps) {
    public Finish {
      outputImages = outputImages == null ? List.of() : List.copyOf(outputImages);
      dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
      steps = steps == null ? List.of() : List.copyOf(steps);
    }
  }

  /** Runs whose leftovers an agent removed. */
  public record Cleaned(List<String> runIds) {
    public Cleaned {
      runIds = runIds == null ? List.of() : List.copyOf(runIds);
    }
  }

  /** An agent as {@code wharf agent list} shows it. */
  public record AgentInfo(
      String name,
      String pool,
      Map<String, String> labels,
      String version,
      String platform,
      Instant lastSeen,
      int running) {}
}
