package dev.wharf.engine.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The fields a run may set when it creates a container, exec instance, network or volume through
 * its socket. Every run gets the run label and its own names; an untrusted run may set only the
 * fields listed here, each with harmless values (an allow-list: a field Docker adds later is
 * refused until it is listed).
 */
final class CreateRules {

  private static final Set<String> CONTAINER_FIELDS =
      Set.of(
          "Hostname",
          "Domainname",
          "User",
          "AttachStdin",
          "AttachStdout",
          "AttachStderr",
          "ExposedPorts",
          "Tty",
          "OpenStdin",
          "StdinOnce",
          "Env",
          "Cmd",
          "Healthcheck",
          "ArgsEscaped",
          "Image",
          "Volumes",
          "WorkingDir",
          "Entrypoint",
          "NetworkDisabled",
          "MacAddress",
          "OnBuild",
          "Labels",
          "StopSignal",
          "StopTimeout",
          "Shell",
          "HostConfig",
          "NetworkingConfig");

  /** Host settings an untrusted run may set freely (resources, restarts, ports, DNS, …). */
  private static final Set<String> FREE_HOST_FIELDS =
      Set.of(
          "ContainerIDFile",
          "PortBindings",
          "RestartPolicy",
          "AutoRemove",
          "CapDrop",
          "Dns",
          "DnsOptions",
          "DnsSearch",
          "ExtraHosts",
          "GroupAdd",
          "OomScoreAdj",
          "PublishAllPorts",
          "ReadonlyRootfs",
          "Tmpfs",
          "ShmSize",
          "ConsoleSize",
          "Isolation",
          "Init",
          "CpuShares",
          "Memory",
          "NanoCpus",
          "BlkioWeight",
          "CpuPeriod",
          "CpuQuota",
          "CpuRealtimePeriod",
          "CpuRealtimeRuntime",
          "CpusetCpus",
          "CpusetMems",
          "KernelMemory",
          "KernelMemoryTCP",
          "MemoryReservation",
          "MemorySwap",
          "MemorySwappiness",
          "OomKillDisable",
          "PidsLimit",
          "Ulimits",
          "CpuCount",
          "CpuPercent",
          "IOMaximumIOps",
          "IOMaximumBandwidth");

  /** Host settings an untrusted run may set, each checked below. */
  private static final Set<String> CHECKED_HOST_FIELDS =
      Set.of(
          "Binds",
          "Mounts",
          "NetworkMode",
          "PidMode",
          "IpcMode",
          "UTSMode",
          "UsernsMode",
          "CgroupnsMode",
          "VolumesFrom",
          "Links",
          "LogConfig",
          "VolumeDriver",
          "SecurityOpt");

  /** Host settings whose mere presence (even empty) changes what the container may do. */
  private static final Map<String, String> ABSENT_HOST_FIELDS =
      Map.of(
          "MaskedPaths", "unmasking the engine's masked paths (--security-opt systempaths) is",
          "ReadonlyPaths",
              "unmasking the engine's read-only paths (--security-opt systempaths) is");

  private static final Map<String, String> NAMED_REFUSALS =
      Map.of(
          "Privileged", "privileged containers are",
          "CapAdd", "added capabilities (--cap-add) are",
          "Capabilities", "capabilities are",
          "Devices", "host devices (--device) are",
          "DeviceRequests", "device requests (--gpus) are",
          "DeviceCgroupRules", "device cgroup rules are",
          "Sysctls", "kernel parameters (--sysctl) are",
          "Runtime", "another container runtime (--runtime) is",
          "CgroupParent", "another cgroup parent is",
          "StorageOpt", "storage options are");

  private static final Set<String> EXEC_FIELDS =
      Set.of(
          "AttachStdin",
          "AttachStdout",
          "AttachStderr",
          "DetachKeys",
          "Tty",
          "Env",
          "Cmd",
          "Privileged",
          "User",
          "WorkingDir",
          "ConsoleSize");

  private static final Set<String> NETWORK_FIELDS =
      Set.of(
          "Name",
          "CheckDuplicate",
          "Driver",
          "Internal",
          "Attachable",
          "EnableIPv6",
          "IPAM",
          "Labels",
          "Options");

  private final RunScope scope;

  CreateRules(RunScope scope) {
    this.scope = scope;
  }

  /** Labels a container and resolves the containers it names; checks it for untrusted runs. */
  void container(ObjectNode config) throws Refusal, IOException {
    labels(config);
    ObjectNode host = config.path("HostConfig") instanceof ObjectNode h ? h : null;
    if (scope.untrusted()) {
      only(config, CONTAINER_FIELDS, "");
      if (host != null) {
        for (Map.Entry<String, String> absent : ABSENT_HOST_FIELDS.entrySet()) {
          if (host.has(absent.getKey()) && !host.get(absent.getKey()).isNull()) {
            throw Refusal.untrusted(absent.getValue());
          }
        }
        for (Map.Entry<String, JsonNode> field : host.properties()) {
          String key = field.getKey();
          if (FREE_HOST_FIELDS.contains(key)
              || CHECKED_HOST_FIELDS.contains(key)
              || ABSENT_HOST_FIELDS.containsKey(key)
              || empty(field.getValue())) {
            continue;
          }
          throw Refusal.untrusted(
              NAMED_REFUSALS.getOrDefault(key, "the container setting HostConfig." + key + " is"));
        }
      }
    }
    if (host == null) {
      return;
    }
    namespace(host, "NetworkMode", "network");
    namespace(host, "PidMode", "PID");
    namespace(host, "IpcMode", "IPC");
    namespace(host, "UTSMode", "UTS");
    namespace(host, "UsernsMode", "user");
    namespace(host, "CgroupnsMode", "cgroup");
    String network = host.path("NetworkMode").asText("");
    if (!network.startsWith("container:")) {
      scope.network(network);
    }
    if (config.path("NetworkingConfig").path("EndpointsConfig") instanceof ObjectNode endpoints) {
      for (Map.Entry<String, JsonNode> endpoint : endpoints.properties()) {
        scope.network(endpoint.getKey());
        if (scope.untrusted()) {
          endpoint(endpoint.getValue());
        }
      }
    }
    containers(host, "VolumesFrom");
    containers(host, "Links");
    binds(host);
    mounts(host);
    if (scope.untrusted()) {
      String driver = host.path("VolumeDriver").asText("");
      if (!driver.isEmpty() && !driver.equals("local")) {
        throw Refusal.untrusted("the volume driver " + driver + " is");
      }
      String log = host.path("LogConfig").path("Type").asText("");
      if (!Set.of("", "json-file", "local", "none").contains(log)) {
        throw Refusal.untrusted("the log driver " + log + " is");
      }
      for (JsonNode option : host.path("SecurityOpt")) {
        if (!option.asText().startsWith("no-new-privileges")) {
          throw Refusal.untrusted("the security option " + option.asText() + " is");
        }
      }
    }
  }

  /** Checks a network endpoint's settings (aliases, addresses and links only). */
  void endpoint(JsonNode endpoint) throws Refusal {
    if (endpoint instanceof ObjectNode settings) {
      only(
          settings,
          Set.of(
              "IPAMConfig",
              "Links",
              "Aliases",
              "NetworkID",
              "EndpointID",
              "Gateway",
              "IPAddress",
              "IPPrefixLen",
              "IPv6Gateway",
              "GlobalIPv6Address",
              "GlobalIPv6PrefixLen",
              "MacAddress",
              "DriverOpts"),
          "EndpointsConfig.");
      if (!empty(settings.path("DriverOpts"))) {
        throw Refusal.untrusted("network driver options are");
      }
    }
  }

  /** Checks an exec instance: never privileged for untrusted runs. */
  void exec(ObjectNode config) throws Refusal {
    if (scope.untrusted()) {
      if (config.path("Privileged").asBoolean(false)) {
        throw Refusal.untrusted("privileged exec (docker exec --privileged) is");
      }
      only(config, EXEC_FIELDS, "exec ");
    }
  }

  /** Labels a network; untrusted runs create bridge networks without driver options. */
  void network(ObjectNode config) throws Refusal {
    labels(config);
    if (scope.untrusted()) {
      only(config, NETWORK_FIELDS, "network ");
      String driver = config.path("Driver").asText("");
      if (!driver.isEmpty() && !driver.equals("bridge")) {
        throw Refusal.untrusted("the network driver " + driver + " is");
      }
      if (!empty(config.path("Options")) || !empty(config.path("IPAM").path("Options"))) {
        throw Refusal.untrusted("network driver options are");
      }
      String ipam = config.path("IPAM").path("Driver").asText("");
      if (!ipam.isEmpty() && !ipam.equals("default")) {
        throw Refusal.untrusted("the IPAM driver " + ipam + " is");
      }
    }
  }

  /**
   * Labels a volume; untrusted runs use the local driver without options (its options can bind any
   * host folder).
   */
  void volume(ObjectNode config) throws Refusal {
    labels(config);
    if (scope.untrusted()) {
      only(config, Set.of("Name", "Driver", "DriverOpts", "Labels"), "volume ");
      String driver = config.path("Driver").asText("");
      if (!driver.isEmpty() && !driver.equals("local")) {
        throw Refusal.untrusted("the volume driver " + driver + " is");
      }
      if (!empty(config.path("DriverOpts"))) {
        throw Refusal.untrusted("volume driver options (which can bind host paths) are");
      }
    }
  }

  private void labels(ObjectNode config) {
    JsonNode labels = config.path("Labels");
    ObjectNode own = labels instanceof ObjectNode o ? o : config.putObject("Labels");
    scope.label(own);
  }

  private void namespace(ObjectNode host, String field, String what) throws Refusal, IOException {
    String mode = host.path(field).asText("");
    if (field.equals("NetworkMode") && mode.equals("host")) {
      scope.network(mode); // one message for every way of asking for the host's network
    }
    if (mode.equals("host") && scope.untrusted()) {
      throw Refusal.untrusted("the host's " + what + " namespace (" + field + "=host) is");
    }
    if (mode.startsWith("container:")) {
      host.put(field, "container:" + scope.container(mode.substring("container:".length())));
    }
  }

  /** Resolves {@code name[:suffix]} container references in a list. */
  private void containers(ObjectNode host, String field) throws Refusal, IOException {
    if (host.path(field) instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        String entry = list.get(i).asText();
        int colon = entry.indexOf(':');
        String name = colon < 0 ? entry : entry.substring(0, colon);
        String rest = colon < 0 ? "" : entry.substring(colon);
        list.set(i, TextNode.valueOf(scope.container(name.replaceFirst("^/", "")) + rest));
      }
    }
  }

  private void binds(ObjectNode host) throws Refusal, IOException {
    for (JsonNode bind : host.path("Binds")) {
      String spec = bind.asText();
      int colon = spec.indexOf(':');
      String source = colon < 0 ? spec : spec.substring(0, colon);
      if (colon < 0) {
        continue; // an anonymous volume: the engine names it, nobody else can reach it
      }
      if (source.startsWith("/") || source.startsWith(".") || source.startsWith("~")) {
        if (scope.untrusted()) {
          throw Refusal.untrusted("binding host paths (-v " + source + ":…) is");
        }
        continue;
      }
      ownVolume(source);
    }
  }

  private void mounts(ObjectNode host) throws Refusal, IOException {
    for (JsonNode mount : host.path("Mounts")) {
      String type = mount.path("Type").asText("volume");
      String source = mount.path("Source").asText("");
      if (type.equals("bind") || type.equals("npipe")) {
        if (scope.untrusted()) {
          throw Refusal.untrusted("binding host paths (--mount type=bind," + source + ") is");
        }
        continue;
      }
      if (!type.equals("volume")) {
        if (!type.equals("tmpfs") && scope.untrusted()) {
          throw Refusal.untrusted("mounts of type " + type + " are");
        }
        continue;
      }
      JsonNode options = mount.path("VolumeOptions");
      if (scope.untrusted() && !empty(options.path("DriverConfig"))) {
        throw Refusal.untrusted("volume driver options (which can bind host paths) are");
      }
      if (!source.isEmpty()) {
        ownVolume(source);
      }
    }
  }

  /**
   * A named volume in a container: the run's own, or created now with the run's label (the engine
   * would otherwise create it unlabelled and cleanup would miss it).
   */
  private void ownVolume(String name) throws Refusal, IOException {
    RunScope.Owner owner = scope.volume(name);
    if (owner == RunScope.Owner.MISSING) {
      ObjectNode create = Gate.JSON.createObjectNode().put("Name", name);
      scope.label(create.putObject("Labels"));
      scope.engine().post("/volumes/create", create);
      scope.created();
      return;
    }
    scope.allow(owner, "volume " + name);
  }

  private static void only(ObjectNode config, Set<String> allowed, String prefix) throws Refusal {
    for (Map.Entry<String, JsonNode> field : config.properties()) {
      if (!allowed.contains(field.getKey()) && !empty(field.getValue())) {
        throw Refusal.untrusted(
            NAMED_REFUSALS.getOrDefault(
                field.getKey(), "the setting " + prefix + field.getKey() + " is"));
      }
    }
  }

  /** Whether a JSON value is Docker's zero value: absent, null, false, 0, "", [] or {}. */
  static boolean empty(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return true;
    }
    if (value.isBoolean()) {
      return !value.asBoolean();
    }
    if (value.isNumber()) {
      return value.asDouble() == 0;
    }
    if (value.isTextual()) {
      return value.asText().isEmpty();
    }
    return value.isContainerNode() && value.size() == 0;
  }
}
