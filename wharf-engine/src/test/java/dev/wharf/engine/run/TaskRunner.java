package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.output.ConsolePrinter;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.step.BuildCacheScope;
import dev.wharf.engine.testing.Tar;
import dev.wharf.task.Plan;
import dev.wharf.task.TaskLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Runs task texts on the test engine and records what they printed; checks nothing leaks. */
final class TaskRunner {
  private final ContainerEngine engine;
  private final List<RegistryLogin> logins = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private final List<String> env = new ArrayList<>();
  private Map<String, String> files = Map.of();
  private final Map<String, byte[]> binaryFiles = new LinkedHashMap<>();
  private Duration totalTimeout;
  private String externalNetwork = "";
  private EngineAccess engineAccess = EngineAccess.SCOPED;
  private Instant startedAt;
  private BuildCacheScope buildCache = BuildCacheScope.NONE;

  TaskRunner(ContainerEngine engine) {
    this.engine = engine;
  }

  TaskRunner login(RegistryLogin login) {
    logins.add(login);
    return this;
  }

  TaskRunner secret(String value) {
    secrets.add(value);
    return this;
  }

  TaskRunner env(String entry) {
    env.add(entry);
    return this;
  }

  TaskRunner files(Map<String, String> contents) {
    files = contents;
    return this;
  }

  /** Adds files of any bytes to the workspace, beside {@link #files}. */
  TaskRunner binaryFiles(Map<String, byte[]> contents) {
    binaryFiles.putAll(contents);
    return this;
  }

  TaskRunner externalNetwork(String network) {
    externalNetwork = network;
    return this;
  }

  TaskRunner engineAccess(EngineAccess access) {
    engineAccess = access;
    return this;
  }

  TaskRunner startedAt(Instant start) {
    startedAt = start;
    return this;
  }

  TaskRunner buildCache(BuildCacheScope scope) {
    buildCache = scope;
    return this;
  }

  TaskRunner totalTimeout(Duration timeout) {
    totalTimeout = timeout;
    return this;
  }

  /** What a run printed and returned. */
  record Outcome(RunResult result, String out, String err, List<RunEvent> events) {
    String all() {
      return out + err;
    }
  }

  Outcome run(String yaml) throws Exception {
    return run(yaml, r -> {}, "t" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Runs {@code yaml}, handing its runner to {@code started} first (to cancel it). */
  Outcome run(String yaml, Consumer<Runner> started, String runId) throws Exception {
    Plan plan = new TaskLoader(TaskLoader.Options.defaults().withEnv(env)).load(yaml, "acb.yaml");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
    ConsolePrinter printer =
        new ConsolePrinter(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC(),
            false);
    List<String> masked = new ArrayList<>(secrets);
    logins.forEach(l -> masked.add(l.password()));
    RunRequest request =
        new RunRequest(
            runId,
            plan,
            () -> {
              Map<String, byte[]> workspace = new LinkedHashMap<>();
              files.forEach(
                  (name, text) -> workspace.put(name, text.getBytes(StandardCharsets.UTF_8)));
              workspace.putAll(binaryFiles);
              return Tar.of(workspace);
            },
            logins,
            new MaskingListener(
                new SecretMasker(masked), RunListener.fanOut(List.of(printer, events::add))),
            0,
            totalTimeout == null ? Duration.ZERO : totalTimeout,
            externalNetwork,
            engineAccess,
            startedAt,
            buildCache);
    Runner runner = new Runner(engine, Clock.systemUTC());
    started.accept(runner);
    RunResult result = runner.run(request);
    assertThat(engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty())
        .as("nothing of run %s is left", runId)
        .isTrue();
    return new Outcome(
        result,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        List.copyOf(events));
  }
}
