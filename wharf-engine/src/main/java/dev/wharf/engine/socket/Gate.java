package dev.wharf.engine.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Decides what the run's socket does with each Engine API call: the allow-list of endpoints, the
 * names it scopes to the run, and the labels it adds (docs/security.md, "The run's engine socket").
 * An untrusted run reaches only the endpoints below; a scoped run reaches every endpoint, but never
 * another run's things.
 */
final class Gate {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Operations on one container (after {@code /containers/{name}/}) that a run may call. */
  private static final Set<String> CONTAINER_OPS =
      Set.of(
          "json", "logs", "top", "stats", "changes", "export", "archive", "start", "stop",
          "restart", "kill", "wait", "attach", "resize", "pause", "unpause", "exec", "rename");

  private static final Set<String> IMAGE_OPS = Set.of("json", "history", "push", "tag", "get");

  private final RunScope scope;
  private final CreateRules rules;

  Gate(RunScope scope) {
    this.scope = scope;
    this.rules = new CreateRules(scope);
  }

  /** Whether a call's body is streamed through rather than read and checked first. */
  static boolean streamsBody(ApiCall call) {
    return call.is("POST", "build")
        || call.is("POST", "images", "load")
        || call.is("POST", "images", "create")
        || (call.method().equals("PUT") && call.segment(0).equals("containers"));
  }

  Verdict decide(ApiCall call, byte[] body) throws Refusal, IOException {
    String first = call.segment(0);
    switch (first) {
      case "_ping", "version", "info", "auth":
        return Verdict.forward(call);
      case "containers":
        return containers(call, body);
      case "exec":
        return exec(call);
      case "build":
        return build(call);
      case "images":
        return images(call);
      case "networks":
        return networks(call, body);
      case "volumes":
        return volumes(call, body);
      case "distribution":
        return Verdict.forward(call);
      case "commit":
        call.param("container", scope.container(call.param("container")));
        scope.created();
        return Verdict.forward(call);
      default:
        if (scope.untrusted()) {
          throw Refusal.untrusted("the endpoint " + call.method() + " " + call.path() + " is");
        }
        return Verdict.forward(call);
    }
  }

  private Verdict containers(ApiCall call, byte[] body) throws Refusal, IOException {
    if (call.is("POST", "containers", "create")) {
      String name = call.param("name");
      if (!name.isEmpty()) {
        call.param("name", scope.containerName(name));
      }
      ObjectNode config = object(body, "container configuration");
      rules.container(config);
      scope.created();
      return Verdict.forward(call, JSON.writeValueAsBytes(config))
          .learning(answer -> scope.ownContainer(id(answer)));
    }
    if (call.is("GET", "containers", "json")) {
      return Verdict.forward(filteredList(call));
    }
    if (call.is("POST", "containers", "prune")) {
      untrustedRefuses("pruning containers is");
      return Verdict.forward(filteredList(call));
    }
    if (call.size() == 2 && call.method().equals("DELETE")) {
      call.segment(1, scope.container(call.segment(1)));
      return Verdict.forward(call);
    }
    if (call.size() == 3 && CONTAINER_OPS.contains(call.segment(2))) {
      call.segment(1, scope.container(call.segment(1)));
      switch (call.segment(2)) {
        case "exec":
          ObjectNode exec = object(body, "exec configuration");
          rules.exec(exec);
          return Verdict.forward(call, JSON.writeValueAsBytes(exec))
              .learning(answer -> scope.ownExec(id(answer)));
        case "rename":
          call.param("name", scope.containerName(call.param("name")));
          return Verdict.forward(call);
        default:
          return Verdict.forward(call);
      }
    }
    untrustedRefuses("the endpoint " + call.method() + " " + call.path() + " is");
    return Verdict.forward(call);
  }

  private Verdict exec(ApiCall call) throws Refusal, IOException {
    if (call.size() == 3 && Set.of("start", "resize", "json").contains(call.segment(2))) {
      scope.exec(call.segment(1));
      return Verdict.forward(call);
    }
    untrustedRefuses("the endpoint " + call.method() + " " + call.path() + " is");
    return Verdict.forward(call);
  }

  private Verdict build(ApiCall call) throws Refusal, IOException {
    if (call.is("POST", "build")) {
      String network = call.param("networkmode");
      if (network.equals("host") && scope.untrusted()) {
        throw Refusal.untrusted("building with the host's network (--network host) is");
      }
      if (!network.isEmpty() && !network.equals("host") && !network.equals("default")) {
        scope.network(network);
      }
      ObjectNode labels =
          call.param("labels").isEmpty()
              ? JSON.createObjectNode()
              : object(
                  call.param("labels").getBytes(java.nio.charset.StandardCharsets.UTF_8), "labels");
      scope.label(labels);
      call.param("labels", JSON.writeValueAsString(labels));
      scope.created();
      return Verdict.forward(call);
    }
    untrustedRefuses("the endpoint " + call.method() + " " + call.path() + " is");
    return Verdict.forward(call);
  }

  private Verdict images(ApiCall call) throws Refusal, IOException {
    String method = call.method();
    if (call.size() == 2
        && (call.is("GET", "images", "json")
            || call.is("GET", "images", "search")
            || call.is("GET", "images", "get")
            || call.is("POST", "images", "load")
            || call.is("POST", "images", "create"))) {
      return Verdict.forward(call);
    }
    if (call.is("POST", "images", "prune")) {
      untrustedRefuses("pruning images is");
      return Verdict.forward(call);
    }
    String name = String.join("/", call.segments().subList(1, call.size()));
    if (method.equals("DELETE") && call.size() >= 2) {
      scope.removableImage(name);
      return Verdict.forward(call);
    }
    if (call.size() >= 3 && IMAGE_OPS.contains(call.segment(call.size() - 1))) {
      return Verdict.forward(call);
    }
    untrustedRefuses("the endpoint " + method + " " + call.path() + " is");
    return Verdict.forward(call);
  }

  private Verdict networks(ApiCall call, byte[] body) throws Refusal, IOException {
    if (call.is("GET", "networks")) {
      return Verdict.forward(filteredList(call));
    }
    if (call.is("POST", "networks", "create")) {
      ObjectNode network = object(body, "network configuration");
      rules.network(network);
      scope.created();
      return Verdict.forward(call, JSON.writeValueAsBytes(network));
    }
    if (call.is("POST", "networks", "prune")) {
      untrustedRefuses("pruning networks is");
      return Verdict.forward(filteredList(call));
    }
    if (call.size() == 2 && Set.of("GET", "DELETE").contains(call.method())) {
      scope.network(call.segment(1));
      return Verdict.forward(call);
    }
    if (call.size() == 3 && Set.of("connect", "disconnect").contains(call.segment(2))) {
      scope.network(call.segment(1));
      ObjectNode connect = object(body, "network connection");
      String container = connect.path("Container").asText("");
      connect.put("Container", scope.container(container));
      if (scope.untrusted() && connect.path("EndpointConfig").size() > 0) {
        rules.endpoint(connect.path("EndpointConfig"));
      }
      return Verdict.forward(call, JSON.writeValueAsBytes(connect));
    }
    untrustedRefuses("the endpoint " + call.method() + " " + call.path() + " is");
    return Verdict.forward(call);
  }

  private Verdict volumes(ApiCall call, byte[] body) throws Refusal, IOException {
    if (call.is("GET", "volumes")) {
      return Verdict.forward(filteredList(call));
    }
    if (call.is("POST", "volumes", "create")) {
      ObjectNode volume = object(body, "volume configuration");
      rules.volume(volume);
      scope.created();
      return Verdict.forward(call, JSON.writeValueAsBytes(volume));
    }
    if (call.is("POST", "volumes", "prune")) {
      untrustedRefuses("pruning volumes is");
      return Verdict.forward(filteredList(call));
    }
    if (call.size() == 2 && Set.of("GET", "DELETE").contains(call.method())) {
      scope.allow(scope.volume(call.segment(1)), "volume " + call.segment(1));
      return Verdict.forward(call);
    }
    untrustedRefuses("the endpoint " + call.method() + " " + call.path() + " is");
    return Verdict.forward(call);
  }

  /**
   * Limits a list or prune to the run's label for untrusted runs (and prunes for every run: a prune
   * would otherwise remove other runs' stopped containers and unused networks).
   */
  private ApiCall filteredList(ApiCall call) throws Refusal, IOException {
    boolean prune = call.segment(call.size() - 1).equals("prune");
    if (!scope.untrusted() && !prune) {
      return call;
    }
    String given = call.param("filters");
    ObjectNode filters =
        given.isEmpty()
            ? JSON.createObjectNode()
            : object(given.getBytes(java.nio.charset.StandardCharsets.UTF_8), "filters");
    ObjectNode labels = JSON.createObjectNode();
    JsonNode old = filters.path("label");
    if (old.isArray()) {
      old.forEach(v -> labels.put(v.asText(), true));
    } else if (old.isObject()) {
      labels.setAll((ObjectNode) old);
    }
    labels.put(dev.wharf.engine.container.ContainerEngine.RUN_ID_LABEL + "=" + scope.runId(), true);
    filters.set("label", labels);
    call.param("filters", JSON.writeValueAsString(filters));
    return call;
  }

  private void untrustedRefuses(String what) throws Refusal {
    if (scope.untrusted()) {
      throw Refusal.untrusted(what);
    }
  }

  private static ObjectNode object(byte[] body, String what) throws Refusal {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // falls through to the refusal below
    }
    throw new Refusal(400, "Wharf refused: the " + what + " is not a JSON object");
  }

  private static String id(byte[] answer) {
    try {
      return JSON.readTree(answer).path("Id").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
