package dev.wharf.engine.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.step.RunNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run's socket may reach: the run's containers (by step id, by the names steps gave them,
 * or by id), networks, volumes and images, told apart from other runs' by the run label.
 */
final class RunScope {

  /** Who a named thing on the engine belongs to. */
  enum Owner {
    THIS_RUN,
    OTHER_RUN,
    NOBODY,
    MISSING
  }

  private final RunNames names;
  private final EngineAccess access;
  private final EngineLookup engine;
  private final Set<String> ownContainers = ConcurrentHashMap.newKeySet();
  private final Set<String> ownExecs = ConcurrentHashMap.newKeySet();
  private volatile boolean created;

  RunScope(RunNames names, EngineAccess access, EngineLookup engine) {
    this.names = names;
    this.access = access;
    this.engine = engine;
  }

  String runId() {
    return names.runId();
  }

  boolean untrusted() {
    return access == EngineAccess.UNTRUSTED;
  }

  EngineLookup engine() {
    return engine;
  }

  /** The label every container, network, volume and image created through the socket gets. */
  void label(ObjectNode labels) {
    labels.put(ContainerEngine.RUN_ID_LABEL, runId());
  }

  /** The engine name of a container that a step names {@code name}: {@code <run id>-<name>}. */
  String containerName(String name) {
    return names.container(name);
  }

  /** Notes that something was created through the socket, so cleanup sweeps the run's label. */
  void created() {
    created = true;
  }

  boolean createdAnything() {
    return created;
  }

  void ownContainer(String id) {
    ownContainers.add(id);
  }

  void ownExec(String id) {
    ownExecs.add(id);
  }

  /**
   * The engine reference to use for a container a step calls {@code ref}: its own run's container
   * of that name first (so {@code docker stop test} stops this run's {@code test}), else {@code
   * ref} itself when policy allows reaching it.
   */
  String container(String ref) throws Refusal, IOException {
    if (ownContainers.contains(ref)) {
      return ref;
    }
    String scoped = containerName(ref);
    Optional<JsonNode> mine = engine.get("/containers/" + encode(scoped) + "/json");
    if (mine.isPresent() && owner(mine.get().path("Config").path("Labels")) == Owner.THIS_RUN) {
      ownContainers.add(mine.get().path("Id").asText());
      return scoped;
    }
    Optional<JsonNode> found = engine.get("/containers/" + encode(ref) + "/json");
    if (found.isEmpty()) {
      return ref; // the engine answers "No such container" in its own words
    }
    Owner owner = owner(found.get().path("Config").path("Labels"));
    allow(owner, "container " + ref);
    if (owner == Owner.THIS_RUN) {
      ownContainers.add(found.get().path("Id").asText());
    }
    return ref;
  }

  /** Checks that an exec instance belongs to one of the containers this run may reach. */
  void exec(String id) throws Refusal, IOException {
    if (ownExecs.contains(id)) {
      return;
    }
    Optional<JsonNode> exec = engine.get("/exec/" + encode(id) + "/json");
    if (exec.isPresent()) {
      container(exec.get().path("ContainerID").asText());
      ownExecs.add(id);
    }
  }

  /** Checks a network a step names; built-in networks other than {@code host} are everyone's. */
  void network(String name) throws Refusal, IOException {
    if (name.isEmpty() || Set.of("bridge", "default", "none").contains(name)) {
      return;
    }
    if (name.equals("host")) {
      if (untrusted()) {
        throw Refusal.untrusted("the host's network (--network host) is");
      }
      return;
    }
    Optional<JsonNode> network = engine.get("/networks/" + encode(name));
    allow(network.map(n -> owner(n.path("Labels"))).orElse(Owner.MISSING), "network " + name);
  }

  /** Who owns volume {@code name}. */
  Owner volume(String name) throws IOException {
    return engine
        .get("/volumes/" + encode(name))
        .map(v -> owner(v.path("Labels")))
        .orElse(Owner.MISSING);
  }

  /** Checks an image a step wants removed: untrusted runs remove only images they built. */
  void removableImage(String name) throws Refusal, IOException {
    if (!untrusted()) {
      return;
    }
    Optional<JsonNode> image = engine.get("/images/" + name + "/json");
    Owner owner = image.map(i -> owner(i.path("Config").path("Labels"))).orElse(Owner.MISSING);
    if (owner != Owner.THIS_RUN && owner != Owner.MISSING) {
      throw Refusal.untrusted("removing an image this run did not build (" + name + ") is");
    }
  }

  /** Refuses what policy does not let this run reach. */
  void allow(Owner owner, String what) throws Refusal {
    if (owner == Owner.OTHER_RUN) {
      throw Refusal.otherRun(what);
    }
    if (owner == Owner.NOBODY && untrusted()) {
      throw Refusal.untrusted("reaching " + what + ", which this run did not create, is");
    }
  }

  Owner owner(JsonNode labels) {
    JsonNode run = labels == null ? null : labels.get(ContainerEngine.RUN_ID_LABEL);
    if (run == null || run.isNull()) {
      return Owner.NOBODY;
    }
    return run.asText().equals(runId()) ? Owner.THIS_RUN : Owner.OTHER_RUN;
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
