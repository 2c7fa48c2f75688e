package dev.wharf.cli;

import static dev.wharf.cli.WharfInProcess.assertNothingLeft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.source.GitRepos;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wharf run} end to end from a local folder, {@code /dev/null} and a task on stdin. */
@DockerTest
class ContextLocalIT {

  private static final String LIST_WORKSPACE =
      "version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox ls -A /workspace\n";

  @TempDir Path temp;

  @Test
  void run_localFolderWithDockerignore_stepsSeeOnlyWhatIsSent(LocalDocker docker) throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("acb.yaml"), LIST_WORKSPACE);
    Files.writeString(context.resolve(".dockerignore"), "secret.txt\n*.log\n!kept.log\n");
    Files.writeString(context.resolve("secret.txt"), "s\n");
    Files.writeString(context.resolve("dropped.log"), "d\n");
    Files.writeString(context.resolve("kept.log"), "k\n");
    Files.writeString(context.resolve("plain.txt"), "p\n");
    Files.createDirectories(context.resolve(".git"));
    Files.writeString(context.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    String id = WharfInProcess.newRunId();

    // No -f: the task is the context's acb.yaml.
    var result = WharfInProcess.run(temp, "run", "--id", id, "ctx");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out().lines())
        .as(result.report())
        .contains("acb.yaml", ".dockerignore", "kept.log", "plain.txt")
        .doesNotContain("secret.txt", "dropped.log", ".git");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_localGitCheckout_reportsItsCommitAndBranch(LocalDocker docker) throws Exception {
    Path context = Files.createDirectories(temp.resolve("checkout"));
    Files.writeString(
        context.resolve("acb.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - cmd: wharf-test/busybox echo commit={{.Run.Commit}} branch={{.Run.Branch}}\n");
    GitRepos.git(context, "init", "-q", "-b", "trunk");
    GitRepos.git(context, "add", "-A");
    GitRepos.git(context, "commit", "-q", "-m", "task");
    String commit = GitRepos.git(context, "rev-parse", "HEAD");
    String id = WharfInProcess.newRunId();

    var result = WharfInProcess.run(context, "run", "--id", id);

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("commit=" + commit + " branch=trunk");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_taskFileOutsideTheContext_readFromWhereItIs(LocalDocker docker) throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("data.txt"), "in the context\n");
    Files.writeString(
        temp.resolve("outside.yaml"),
        "version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox cat /workspace/data.txt\n");
    String id = WharfInProcess.newRunId();

    var result = WharfInProcess.run(temp, "run", "--id", id, "-f", "outside.yaml", "ctx");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("in the context");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_devNullWithCmd_runsOneStepInAnEmptyWorkspace(LocalDocker docker) throws Exception {
    String id = WharfInProcess.newRunId();

    var result =
        WharfInProcess.run(
            temp,
            "run",
            "--id",
            id,
            "--cmd",
            "wharf-test/busybox sh -c \"echo files=$(ls -A /workspace | wc -l) sum=$((6*7))\"",
            "/dev/null");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("files=0 sum=42");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_taskFromStdin_runsIt(LocalDocker docker) throws Exception {
    String id = WharfInProcess.newRunId();
    String task =
        "version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox echo from-stdin-{{.Run.ID}}\n";

    var result = WharfInProcess.runWithStdin(temp, task, "run", "--id", id, "-f", "-", "/dev/null");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("from-stdin-" + id);
    assertNothingLeft(docker, id);
  }

  @Test
  void run_missingContextFolder_exitsWithStatus3() throws Exception {
    var result = WharfInProcess.run(temp, "run", "--cmd", "wharf-test/busybox true", "absent");

    assertThat(result.status()).as(result.report()).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(result.err()).as(result.report()).contains("does not exist");
  }
}
