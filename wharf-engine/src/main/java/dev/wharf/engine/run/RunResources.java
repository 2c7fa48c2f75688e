package dev.wharf.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.container.Archive;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.container.VolumeSpec;
import dev.wharf.engine.step.RunEnvironment;
import dev.wharf.task.Network;
import dev.wharf.task.Volume;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Creates a run's own networks and volumes, all at once: the default network, the workspace volume
 * with the context's contents, the home volume with the Docker config, and the secret volumes
 * written byte for byte (decision E5).
 */
final class RunResources {
  private static final Pattern NOT_IN_NAME = Pattern.compile("[^a-zA-Z0-9_.-]");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContainerEngine engine;
  private final TaskRun run;
  private final ExecutorService background;
  private final Consumer<String> messages;

  RunResources(
      ContainerEngine engine, TaskRun run, ExecutorService background, Consumer<String> messages) {
    this.engine = engine;
    this.run = run;
    this.background = background;
    this.messages = messages;
  }

  /** The decoded contents of the task's secret volumes, which are masked like secrets. */
  static List<String> secretVolumeContents(List<Volume> volumes) {
    List<String> contents = new ArrayList<>();
    for (Volume volume : volumes) {
      if (volume.secret() != null) {
        volume
            .secret()
            .values()
            .forEach(v -> contents.add(new String(decode(v), StandardCharsets.UTF_8)));
      }
    }
    return contents;
  }

  RunEnvironment setUp() throws EngineException, InterruptedException {
    List<CompletableFuture<Void>> work = new ArrayList<>();
    List<String> log = new ArrayList<>();
    Map<String, String> networks = new LinkedHashMap<>();
    for (Network network : run.plan().task().networks()) {
      if (network.skipCreation()) {
        networks.put(network.name(), network.name());
        log.add("Skip creating network: " + network.name());
        continue;
      }
      String name =
          network.name().equals(Network.DEFAULT_NAME)
              ? name("default")
              : name("net-" + network.name());
      networks.put(network.name(), name);
      String driver = network.driver().isEmpty() ? "bridge" : network.driver();
      log.add("Creating Docker network: " + network.name() + ", driver: '" + driver + "'");
      log.add("Successfully set up Docker network: " + network.name());
      work.add(
          async(
              () ->
                  engine.createNetwork(
                      new NetworkSpec(name, driver, network.ipv6(), false, Map.of()))));
    }
    String workspace = name("workspace");
    work.add(
        async(
            () -> {
              engine.createVolume(VolumeSpec.named(workspace));
              if (run.workspace() != null) {
                try (InputStream tar = run.workspace().get()) {
                  engine.uploadToVolume(workspace, "", tar);
                } catch (java.io.IOException e) {
                  throw new EngineException("read the run's context", e.getMessage(), e);
                }
              }
            }));
    String home = name("home");
    log.add("Setting up Docker configuration...");
    log.add("Successfully set up Docker configuration");
    work.add(
        async(
            () -> {
              engine.createVolume(VolumeSpec.named(home));
              engine.uploadToVolume(
                  home,
                  "",
                  new Archive()
                      .file(".docker/config.json", dockerConfig(run.logins()), 0644).stream());
            }));
    Map<String, String> volumes = new LinkedHashMap<>();
    for (Volume volume : run.plan().task().volumes()) {
      String name = name("vol-" + volume.name());
      volumes.put(volume.name(), name);
      Archive files = new Archive();
      volume.secret().forEach((file, value) -> files.file(file, decode(value), 0644));
      log.add("Volume source " + volume.name() + " successfully created");
      work.add(
          async(
              () -> {
                engine.createVolume(VolumeSpec.named(name));
                engine.uploadToVolume(name, "", files.stream());
              }));
    }
    for (CompletableFuture<Void> step : work) {
      try {
        step.get();
      } catch (ExecutionException e) {
        Throwable cause =
            e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        if (cause instanceof EngineException engineFailure) {
          throw engineFailure;
        }
        throw new EngineException("set up the run", String.valueOf(cause), cause);
      }
    }
    log.forEach(messages);
    return new RunEnvironment(
        run.runId(),
        engine,
        workspace,
        home,
        networks,
        volumes,
        run.logins(),
        run.engineSocket(),
        background);
  }

  /** A Docker client config with the run's logins, as acb's config step writes it (E14). */
  static byte[] dockerConfig(List<RegistryLogin> logins) {
    ObjectNode config = JSON.createObjectNode();
    ObjectNode auths = config.putObject("auths");
    for (RegistryLogin login : logins) {
      String pair = login.username() + ":" + login.password();
      auths
          .putObject(login.registry())
          .put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    config.put("experimental", "enabled");
    config.putObject("HttpHeaders").put("X-Meta-Source-Client", "azure/acr/tasks");
    return config.toPrettyString().getBytes(StandardCharsets.UTF_8);
  }

  private String name(String what) {
    return NOT_IN_NAME.matcher("wharf-" + run.runId() + "-" + what).replaceAll("_");
  }

  private interface Work {
    void run() throws EngineException;
  }

  private CompletableFuture<Void> async(Work work) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            work.run();
          } catch (EngineException e) {
            throw new CompletionException(e);
          }
        },
        background);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "failed to decode Base64 value. please make sure value provided is Base64 encoded");
    }
  }
}
