package dev.wharf.engine.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.EngineInfo;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.step.BuildCacheScope;
import dev.wharf.template.render.RunInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPreparationTest {
  private static final RunPreparation.Platform ENGINE =
      () -> new EngineInfo("linux", "arm64", "1.41", "20.10");
  private static final TaskSecrets NO_SECRETS = new TaskSecrets(id -> null, s -> "none");

  @TempDir Path dir;

  private static RunInfo run(String id, String registry) {
    return new RunInfo(id, "", "", "", "", "", registry, "", "", "", "", "", "");
  }

  @Test
  void prepare_localFolder_rendersValuesRunFactsAndMasksEverySecret() throws Exception {
    Path context = Files.createDirectories(dir.resolve("ctx"));
    Files.writeString(
        context.resolve("acb.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - cmd: busybox echo {{.Values.a}} {{.Values.b}} {{.Run.Registry}} {{.Run.OS}}\n");
    Files.writeString(context.resolve("values.yaml"), "a: from-file\nb: from-file\n");
    RunInputs inputs =
        RunInputs.builder(
                new TaskSource.ContextFile(null, null),
                new RunContext.LocalFolder(context),
                run("wp1", "reg.example"),
                NO_SECRETS)
            .values(
                new RunValues(
                    "values.yaml", null, Map.of("b", "from-set"), Map.of("token", "t0ken-value")))
            .logins(List.of(new RegistryLogin("reg.example", "u", "pa55word")))
            .build();

    try (PreparedRun prepared = RunPreparation.prepare(inputs, ENGINE)) {
      assertThat(prepared.plan().task().steps().get(0).cmd())
          .isEqualTo("busybox echo from-file from-set reg.example linux");
      assertThat(prepared.run().architecture()).isEqualTo("arm64");
      assertThat(prepared.run().sharedVolume()).isNotEmpty();
      assertThat(prepared.masker().mask("t0ken-value pa55word")).isEqualTo("*** ***");
      assertThat(prepared.request(event -> {}).buildCache())
          .as("cache: enabled steps name their registry cache after the run's registry")
          .isEqualTo(new BuildCacheScope("", "reg.example"));
    }
  }

  @Test
  void prepare_uploadedArchive_readsTaskAndValuesFromIt() throws Exception {
    Path archive = dir.resolve("ctx.tar.gz");
    writeTarGz(
        archive,
        Map.of(
            "./ci/acb.yaml",
            "version: v1.1.0\nsteps:\n  - cmd: busybox echo {{.Values.who}}\n",
            "ci/values.yaml",
            "who: uploaded\n"));
    RunInputs inputs =
        RunInputs.builder(
                new TaskSource.ContextFile("ci/acb.yaml", null),
                new RunContext.Upload(archive),
                run("wp2", ""),
                NO_SECRETS)
            .values(new RunValues("ci/values.yaml", null, null, null))
            .build();

    try (PreparedRun prepared = RunPreparation.prepare(inputs, ENGINE)) {
      assertThat(prepared.plan().task().steps().get(0).cmd()).isEqualTo("busybox echo uploaded");
    }
  }

  @Test
  void prepare_taskFileMissingFromTheContext_isBadInput() throws Exception {
    Path archive = dir.resolve("empty.tar.gz");
    writeTarGz(archive, Map.of("other.txt", "x"));
    RunInputs inputs =
        RunInputs.builder(
                new TaskSource.ContextFile("acb.yaml", null),
                new RunContext.Upload(archive),
                run("wp3", ""),
                NO_SECRETS)
            .build();

    assertThatThrownBy(() -> RunPreparation.prepare(inputs, ENGINE))
        .isInstanceOf(PrepareException.class)
        .hasMessageContaining("failed to load template at path acb.yaml: not in the context")
        .extracting(e -> ((PrepareException) e).kind())
        .isEqualTo(PrepareException.Kind.INPUT);
  }

  @Test
  void prepare_uploadedGzipBomb_isRefusedByTheExtractionLimits() throws Exception {
    Path archive = dir.resolve("bomb.tar.gz");
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      TarArchiveEntry zeros = new TarArchiveEntry("zeros");
      zeros.setSize(64L * 1024 * 1024);
      tar.putArchiveEntry(zeros);
      byte[] block = new byte[1024 * 1024];
      for (int i = 0; i < 64; i++) {
        tar.write(block);
      }
      tar.closeArchiveEntry();
    }
    assertThat(Files.size(archive)).isLessThan(1024 * 1024);
    RunInputs inputs =
        RunInputs.builder(
                new TaskSource.Command("busybox true"),
                new RunContext.Upload(archive),
                run("wp7", ""),
                NO_SECRETS)
            .build();

    assertThatThrownBy(() -> RunPreparation.prepare(inputs, ENGINE))
        .isInstanceOf(PrepareException.class)
        .hasMessageContaining(
            "failed to read the uploaded context: it expands more than 100 times its compressed"
                + " size, the limit for a context")
        .extracting(e -> ((PrepareException) e).kind())
        .isEqualTo(PrepareException.Kind.CONTEXT);
  }

  @Test
  void prepare_missingFolder_isAContextFailure() {
    RunInputs inputs =
        RunInputs.builder(
                new TaskSource.Command("busybox true"),
                new RunContext.LocalFolder(dir.resolve("nope")),
                run("wp4", ""),
                NO_SECRETS)
            .build();

    assertThatThrownBy(() -> RunPreparation.prepare(inputs, ENGINE))
        .isInstanceOf(PrepareException.class)
        .hasMessageContaining("does not exist")
        .extracting(e -> ((PrepareException) e).kind())
        .isEqualTo(PrepareException.Kind.CONTEXT);
  }

  @Test
  void prepare_taskTotalTimeoutAndRunTimeout_theEarlierIsTheDeadline() throws Exception {
    RunInputs inputs =
        RunInputs.builder(
                new TaskSource.Text(
                    "version: v1.1.0\ntotalTimeout: 30\nsteps:\n  - cmd: busybox true\n",
                    "task",
                    null),
                new RunContext.None(),
                run("wp5", ""),
                NO_SECRETS)
            .options(RunOptions.defaults().withTimeout(Duration.ofHours(1)))
            .build();

    try (PreparedRun prepared = RunPreparation.prepare(inputs, ENGINE)) {
      assertThat(prepared.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void notices_aliasNoticeOnlyWhenTheVersionEnablesAliases_thenWarnings() throws Exception {
    String steps = "steps:\n  - cmd: busybox true\n    cmd: busybox false\n";
    for (String version : List.of("v1.1.0", "v1.0.0")) {
      RunInputs inputs =
          RunInputs.builder(
                  new TaskSource.Text("version: " + version + "\n" + steps, "task", null),
                  new RunContext.None(),
                  run("wp6", ""),
                  NO_SECRETS)
              .build();
      try (PreparedRun prepared = RunPreparation.prepare(inputs, ENGINE)) {
        List<String> notices = prepared.notices();
        assertThat(notices).hasSize(version.equals("v1.1.0") ? 2 : 1);
        if (version.equals("v1.1.0")) {
          assertThat(notices.get(0))
              .isEqualTo(
                  "Alias support enabled for version >= 1.1.0, please see"
                      + " https://aka.ms/acr/tasks/task-aliases for more information.");
        }
        assertThat(notices.get(notices.size() - 1)).contains("cmd");
      }
    }
  }

  @Test
  void prepare_untrustedRun_refusesHostReachingStepOptionsAtPlanTime() throws Exception {
    Map<String, String> refused =
        Map.of(
            "steps:\n  - cmd: busybox true\n    privileged: true\n",
            "step acb_step_0 asks for a privileged container (privileged) (at 3:5)",
            "steps:\n  - cmd: --privileged busybox true\n",
            "asks for a privileged container (--privileged)",
            "steps:\n  - cmd: busybox true\n    network: host\n",
            "asks for the host's network (network host)",
            "steps:\n  - cmd: --network host busybox true\n",
            "asks for the host's network (--network host)",
            "steps:\n  - cmd: --network container:other busybox true\n",
            "asks for another container's network (--network container:other)",
            "steps:\n  - build: --network host -t x .\n",
            "asks for the host's network (build --network host)",
            "steps:\n  - build: --ssh default -t x .\n",
            "asks for an SSH agent of the machine running it (build --ssh default)",
            "networks:\n  - name: lan\n    driver: macvlan\nsteps:\n  - cmd: busybox true\n",
            "network lan uses the network driver macvlan",
            "networks:\n  - name: prod\n    skipCreation: true\nsteps:\n  - cmd: busybox true\n",
            "network prod joins an existing engine network");
    for (Map.Entry<String, String> task : refused.entrySet()) {
      assertThatThrownBy(() -> prepared(task.getKey(), EngineAccess.UNTRUSTED).close())
          .as(task.getKey())
          .isInstanceOf(PrepareException.class)
          .hasMessageContaining(task.getValue())
          .hasMessageContaining("which untrusted runs may not")
          .hasMessageContaining("--trusted true");
      prepared(task.getKey(), EngineAccess.SCOPED).close(); // a trusted run plans it
    }
    prepared("steps:\n  - cmd: -p 8080:80 --network bridge busybox true\n", EngineAccess.UNTRUSTED)
        .close();
  }

  private static PreparedRun prepared(String task, EngineAccess access) throws Exception {
    return RunPreparation.prepare(
        RunInputs.builder(
                new TaskSource.Text("version: v1.1.0\n" + task, "task", null),
                new RunContext.None(),
                run("wp6", ""),
                NO_SECRETS)
            .options(RunOptions.defaults().withEngineAccess(access))
            .build(),
        ENGINE);
  }

  @Test
  void deadline_eitherOrNeither() {
    assertThat(RunPreparation.deadline(0, null)).isEqualTo(Duration.ZERO);
    assertThat(RunPreparation.deadline(600, null)).isEqualTo(Duration.ofSeconds(600));
    assertThat(RunPreparation.deadline(0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(RunPreparation.deadline(600, Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(RunPreparation.deadline(5, Duration.ofSeconds(600)))
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void runContext_of_classifiesOnce() {
    assertThat(RunContext.of("/dev/null", dir)).isEqualTo(new RunContext.None());
    assertThat(RunContext.of("ctx", dir)).isEqualTo(new RunContext.LocalFolder(dir.resolve("ctx")));
    assertThat(RunContext.of("https://h/r.git#main:src", dir))
        .isEqualTo(new RunContext.Remote("https://h/r.git#main:src"));
    assertThat(RunContext.of("https://h/app.tar.gz", dir))
        .isEqualTo(new RunContext.Remote("https://h/app.tar.gz"));
  }

  private static void writeTarGz(Path archive, Map<String, String> files) throws IOException {
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      for (Map.Entry<String, String> entry : files.entrySet()) {
        byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(entry.getKey());
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
  }
}
