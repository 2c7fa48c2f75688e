package dev.wharf.server.queue;

import java.util.List;
import java.util.Map;

/**
 * An agent asking for work: runs of its pool and of a platform it runs go to it, leased for {@code
 * leaseMillis}.
 *
 * @param engine what identifies the container engine the agent runs on, so that what a lost run
 *     left there is removed by an agent on that engine
 * @param labels the agent's labels: runs that ask for labels go to agents that have them all
 */
public record Claimant(
    String agentId,
    String name,
    String pool,
    List<String> platforms,
    String engine,
    long leaseMillis,
    Map<String, String> labels) {
  /** The pool of agents and runs that name none. */
  public static final String DEFAULT_POOL = "default";

  public Claimant {
    pool = pool == null || pool.isBlank() ? DEFAULT_POOL : pool;
    platforms = List.copyOf(platforms);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** An agent without labels. */
  public Claimant(
      String agentId,
      String name,
      String pool,
      List<String> platforms,
      String engine,
      long leaseMillis) {
    this(agentId, name, pool, platforms, engine, leaseMillis, Map.of());
  }

  /** An agent of the default pool on linux/amd64, as tests of the queue use. */
  public static Claimant named(String name) {
    return new Claimant(name, name, null, List.of("linux/amd64"), "", 60_000);
  }
}
