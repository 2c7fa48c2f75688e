package dev.wharf.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wharf.api.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The agents table: one row per live agent process, unique by name. */
public final class AgentStore {
  private static final String COLUMNS =
      "agent_id, name, pool, labels, version, platform, engine, concurrency, last_seen";

  private final Database db;
  private final Clock clock;

  /** An agent store over {@code db}. */
  public AgentStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A registered agent. */
  public record AgentRow(
      String agentId,
      String name,
      String pool,
      Map<String, String> labels,
      String version,
      String platform,
      String engine,
      int concurrency,
      Instant lastSeen) {}

  /** What became of a registration. */
  public sealed interface Outcome {
    /** Registered; {@code previous} is the id of the process that had the name before, if any. */
    record Added(AgentRow agent, Optional<String> previous) implements Outcome {}

    /** Refused: a live process has the name. */
    record Taken(AgentRow holder) implements Outcome {}
  }

  /**
   * Registers the process {@code agentId} under {@code name}. The same process registering again
   * (its answer was lost) keeps its row; a previous holder of the name is replaced when it has not
   * been seen for {@code leaseMillis} or when {@code replace} is set; otherwise the name stays its
   * own.
   */
  public Outcome register(
      String agentId,
      String name,
      String pool,
      Map<String, String> labels,
      String version,
      String platform,
      String engine,
      int concurrency,
      boolean replace,
      long leaseMillis) {
    long now = clock.millis();
    return db.write(
        handle -> {
          Optional<AgentRow> holder =
              handle
                  .createQuery("SELECT " + COLUMNS + " FROM agents WHERE name = :name")
                  .bind("name", name)
                  .map((rs, ctx) -> map(rs))
                  .findOne();
          if (holder.isPresent() && holder.get().agentId().equals(agentId)) {
            handle
                .createUpdate(
                    "UPDATE agents SET pool = :pool, labels = :labels, version = :version,"
                        + " platform = :platform, engine = :engine, concurrency = :concurrency,"
                        + " last_seen = :now WHERE agent_id = :id")
                .bind("id", agentId)
                .bind("pool", pool)
                .bind("labels", Json.write(labels))
                .bind("version", version)
                .bind("platform", platform)
                .bind("engine", engine)
                .bind("concurrency", concurrency)
                .bind("now", now)
                .execute();
            return new Outcome.Added(
                new AgentRow(
                    agentId,
                    name,
                    pool,
                    labels,
                    version,
                    platform,
                    engine,
                    concurrency,
                    Instant.ofEpochMilli(now)),
                Optional.empty());
          }
          if (holder.isPresent()
              && !replace
              && holder.get().lastSeen().toEpochMilli() > now - leaseMillis) {
            return new Outcome.Taken(holder.get());
          }
          holder.ifPresent(
              old ->
                  handle
                      .createUpdate("DELETE FROM agents WHERE agent_id = :id")
                      .bind("id", old.agentId())
                      .execute());
          // one process has one name: a row it left under another name goes
          handle
              .createUpdate("DELETE FROM agents WHERE agent_id = :id")
              .bind("id", agentId)
              .execute();
          String id = agentId;
          handle
              .createUpdate(
                  "INSERT INTO agents (agent_id, name, pool, labels, version, platform, engine,"
                      + " concurrency, register_time, last_seen) VALUES (:id, :name, :pool,"
                      + " :labels, :version, :platform, :engine, :concurrency, :now, :now)")
              .bind("id", id)
              .bind("name", name)
              .bind("pool", pool)
              .bind("labels", Json.write(labels))
              .bind("version", version)
              .bind("platform", platform)
              .bind("engine", engine)
              .bind("concurrency", concurrency)
              .bind("now", now)
              .execute();
          AgentRow added =
              new AgentRow(
                  id,
                  name,
                  pool,
                  labels,
                  version,
                  platform,
                  engine,
                  concurrency,
                  Instant.ofEpochMilli(now));
          return new Outcome.Added(added, holder.map(AgentRow::agentId));
        });
  }

  /** The agent with this id, marking it seen now; empty if it is unknown (replaced or removed). */
  public Optional<AgentRow> touch(String agentId) {
    long now = clock.millis();
    return db.write(
        handle -> {
          int seen =
              handle
                  .createUpdate("UPDATE agents SET last_seen = :now WHERE agent_id = :id")
                  .bind("now", now)
                  .bind("id", agentId)
                  .execute();
          if (seen == 0) {
            return Optional.empty();
          }
          return handle
              .createQuery("SELECT " + COLUMNS + " FROM agents WHERE agent_id = :id")
              .bind("id", agentId)
              .map((rs, ctx) -> map(rs))
              .findOne();
        });
  }

  /** The agent with this id, as last seen. */
  public Optional<AgentRow> find(String agentId) {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM agents WHERE agent_id = :id")
                .bind("id", agentId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** A new agent id, for a process that did not bring its own. */
  public static String newAgentId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Every registered agent, by name. */
  public List<AgentRow> list() {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM agents ORDER BY name")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** Forgets an agent that stopped cleanly. */
  public void remove(String agentId) {
    db.write(
        handle ->
            handle
                .createUpdate("DELETE FROM agents WHERE agent_id = :id")
                .bind("id", agentId)
                .execute());
  }

  private static AgentRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AgentRow(
        rs.getString("agent_id"),
        rs.getString("name"),
        rs.getString("pool"),
        Json.read(rs.getString("labels"), new TypeReference<Map<String, String>>() {}),
        rs.getString("version"),
        rs.getString("platform"),
        rs.getString("engine"),
        rs.getInt("concurrency"),
        Instant.ofEpochMilli(rs.getLong("last_seen")));
  }
}
