package dev.wharf.cli;

import static dev.wharf.cli.WharfInProcess.assertNothingLeft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.source.GitHttpServer;
import dev.wharf.engine.source.GitRepos;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wharf run} end to end from git: a bare repository over {@code file://} and a private one
 * over smart HTTP, with the commit and branch the checkout gives rendered in a step.
 */
@DockerTest
class ContextGitIT {

  private static final String TOKEN = "tok-it-5e4d3c2b1a";

  /** Lists the workspace, prints app/version.txt if there, and renders the run's git facts. */
  private static final String TASK =
      "version: v1.1.0\n"
          + "steps:\n"
          + "  - cmd: wharf-test/busybox sh -c \"ls -A /workspace; cat /workspace/version.txt"
          + " /workspace/app/version.txt 2>/dev/null; true\"\n"
          + "  - cmd: wharf-test/busybox echo commit={{.Run.Commit}} branch={{.Run.Branch}}\n";

  @TempDir static Path repos;
  static GitRepos.Sample sample;
  static String featureWithTask;
  static GitHttpServer secured;

  @TempDir Path folder;

  @BeforeAll
  static void createRepositories() throws IOException {
    sample = GitRepos.sample(repos);
    // The feature branch carries its own acb.yaml in app/, so "#feature:app" needs no -f.
    Path work = repos.resolve("work");
    GitRepos.git(work, "checkout", "-q", "feature");
    Files.writeString(work.resolve("app/acb.yaml"), TASK);
    GitRepos.git(work, "add", "-A");
    GitRepos.git(work, "commit", "-q", "-m", "task");
    featureWithTask = GitRepos.git(work, "rev-parse", "HEAD");
    GitRepos.git(work, "push", "-q", sample.bare().toString(), "feature");
    secured = new GitHttpServer(repos, "dummy", TOKEN);
  }

  @AfterAll
  static void stopServer() {
    secured.close();
  }

  private String fileUrl(String fragment) {
    return sample.bare().toUri().toString().replaceFirst("/$", "") + "#" + fragment;
  }

  /** Runs the task from the current folder (not in the repository) on a git context. */
  private WharfInProcess.Result runWithTask(String id, String context, String... flags)
      throws IOException {
    Files.writeString(folder.resolve("task.yaml"), TASK);
    List<String> args = new ArrayList<>(List.of("run", "--id", id, "-f", "task.yaml"));
    args.addAll(List.of(flags));
    args.add(context);
    return WharfInProcess.run(folder, args.toArray(String[]::new));
  }

  @Test
  void run_fileBranchAndFolder_usesTheFoldersTaskAndReportsBranch(LocalDocker docker)
      throws Exception {
    String id = WharfInProcess.newRunId();

    var result = WharfInProcess.run(folder, "run", "--id", id, fileUrl("feature:app"));

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out().lines())
        .as(result.report())
        .contains("acb.yaml", "feature.txt", "version.txt", "1")
        .doesNotContain("README", "app");
    assertThat(result.out())
        .as(result.report())
        .contains("commit=" + featureWithTask + " branch=feature");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_fileTag_checksOutTheTaggedCommit(LocalDocker docker) throws Exception {
    String id = WharfInProcess.newRunId();

    var result = runWithTask(id, fileUrl("v1"));

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out().lines())
        .as(result.report())
        .contains("README", "app", "1")
        .doesNotContain("2", "feature.txt");
    assertThat(result.out()).as(result.report()).contains("commit=" + sample.first() + " branch=");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_fileShaAndFolder_checksOutThatCommitDetached(LocalDocker docker) throws Exception {
    String id = WharfInProcess.newRunId();

    var result = runWithTask(id, fileUrl(sample.first() + ":app"));

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out().lines())
        .as(result.report())
        .contains("Dockerfile", "version.txt", "1")
        .doesNotContain("README", "2");
    assertThat(result.out())
        .as(result.report())
        .contains("commit=" + sample.first() + " branch=HEAD");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_commitAndBranchFlags_winOverTheCheckout(LocalDocker docker) throws Exception {
    String id = WharfInProcess.newRunId();

    var result = runWithTask(id, fileUrl("main"), "--commit", "abc123", "--branch", "release");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("commit=abc123 branch=release");
    assertNothingLeft(docker, id);
  }

  @Test
  void run_privateRepositoryOverHttpWithToken_fetchesAndNeverPrintsTheToken(LocalDocker docker)
      throws Exception {
    String id = WharfInProcess.newRunId();
    int before = secured.authorizations.size();

    var result = runWithTask(id, secured.url("repo.git#main:app"), "--git-token", TOKEN);

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out().lines()).as(result.report()).contains("version.txt", "2");
    assertThat(result.out())
        .as(result.report())
        .contains("commit=" + sample.second() + " branch=main");
    assertThat(secured.authorizations.size()).isGreaterThan(before);
    assertThat(result.all()).as(result.report()).doesNotContain(TOKEN);
    assertNothingLeft(docker, id);
  }

  @Test
  void run_privateRepositoryWithWrongToken_exitsWithStatus3AndPrintsNoToken() throws Exception {
    String wrong = "tok-wrong-0a1b2c3d";

    var result =
        runWithTask(WharfInProcess.newRunId(), secured.url("repo.git#main"), "--git-token", wrong);

    assertThat(result.status()).as(result.report()).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(result.err()).as(result.report()).contains("Error: ");
    assertThat(result.all()).as(result.report()).doesNotContain(wrong, TOKEN);
  }

  @Test
  void run_tokenInTheUrl_fetchesAndNeverPrintsIt(LocalDocker docker) throws Exception {
    String id = WharfInProcess.newRunId();

    var result = runWithTask(id, withTokenInUrl("repo.git#main"));

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("commit=" + sample.second());
    assertThat(result.all()).as(result.report()).doesNotContain(TOKEN);
    assertNothingLeft(docker, id);
  }

  @Test
  void run_tokenInTheUrlOfAMissingRepository_exitsWithStatus3AndNeverPrintsIt() throws Exception {
    var result = runWithTask(WharfInProcess.newRunId(), withTokenInUrl("missing.git#main"));

    assertThat(result.status()).as(result.report()).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(result.err()).as(result.report()).contains("missing.git");
    assertThat(result.all()).as(result.report()).doesNotContain(TOKEN);
  }

  private static String withTokenInUrl(String repository) {
    return secured.url(repository).replace("http://", "http://dummy:" + TOKEN + "@");
  }
}
