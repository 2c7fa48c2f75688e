package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTest {

  @TempDir static Path repos;
  static GitRepos.Sample sample;
  static String url;

  @BeforeAll
  static void createRepository() throws IOException {
    sample = GitRepos.sample(repos);
    url =
        sample
            .bare()
            .toUri()
            .toString()
            .replaceFirst("^file:/+", "file:///")
            .replaceFirst("/$", "");
  }

  private record Result(SourceInfo info, TarContents tar) {}

  private static Result fetch(String location) throws IOException {
    return fetch(location, SourceOptions.defaults());
  }

  private static Result fetch(String location, SourceOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SourceInfo info = SourceContext.of(location, options).writeTo(out);
    return new Result(info, TarContents.read(out.toByteArray()));
  }

  @Test
  void writeTo_noFragment_defaultBranchWithCommitAndBranch() throws IOException {
    Result result = fetch(url);

    assertThat(result.tar().text())
        .containsEntry("README", "hello\n")
        .containsEntry("app/version.txt", "2\n");
    assertThat(result.tar().names()).contains(".git/", ".git/HEAD", ".git/shallow");
    assertThat(result.info().commit()).isEqualTo(sample.second());
    assertThat(result.info().branch()).isEqualTo("main");
    assertThat(result.info().description()).isEqualTo(url);
  }

  @Test
  void writeTo_branchAndFolder_onlyTheFolder() throws IOException {
    Result result = fetch(url + "#feature:app");

    assertThat(result.tar().files())
        .containsExactlyInAnyOrder("Dockerfile", "feature.txt", "version.txt");
    assertThat(result.tar().text()).containsEntry("version.txt", "1\n");
    assertThat(result.info().commit()).isEqualTo(sample.feature());
    assertThat(result.info().branch()).isEqualTo("feature");
  }

  @Test
  void writeTo_tag_detachedAtTaggedCommit() throws IOException {
    Result result = fetch(url + "#v1");

    assertThat(result.tar().text()).containsEntry("app/version.txt", "1\n");
    assertThat(result.tar().names()).doesNotContain("app/feature.txt");
    assertThat(result.info().commit()).isEqualTo(sample.first());
    assertThat(result.info().branch()).isEqualTo("HEAD");
    assertThat(result.tar().names()).contains(".git/shallow");
  }

  @Test
  void writeTo_shaAndFolder_checksOutThatCommit() throws IOException {
    Result result = fetch(url + "#" + sample.first() + ":app");

    assertThat(result.tar().text()).containsEntry("version.txt", "1\n");
    assertThat(result.info().commit()).isEqualTo(sample.first());
  }

  @Test
  void writeTo_success_removesTemporaryCheckout() throws IOException {
    Set<Path> before = checkouts();

    fetch(url + "#main");

    assertThat(checkouts()).isSubsetOf(before);
  }

  @Test
  void writeTo_failure_removesTemporaryCheckout() throws IOException {
    Set<Path> before = checkouts();

    assertThatThrownBy(() -> fetch(url + "#main:missing")).isInstanceOf(SourceException.class);

    assertThat(checkouts()).isSubsetOf(before);
  }

  private static Set<Path> checkouts() throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return paths
          .filter(p -> p.getFileName().toString().startsWith("wharf-git-"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void writeTo_fullSha_fetchedShallow() throws IOException {
    Result result = fetch(url + "#" + sample.first());

    assertThat(result.tar().names()).contains(".git/shallow");
  }

  @Test
  void writeTo_shortSha_resolvedAfterFullFetch() throws IOException {
    Result result = fetch(url + "#" + sample.feature().substring(0, 10));

    assertThat(result.tar().text()).containsEntry("app/feature.txt", "feature\n");
    assertThat(result.info().commit()).isEqualTo(sample.feature());
  }

  @Test
  void writeTo_folderOnly_defaultBranchFolder() throws IOException {
    Result result = fetch(url + "#:app");

    assertThat(result.tar().text()).containsEntry("version.txt", "2\n");
  }

  @Test
  void writeTo_givenCommitAndBranch_reportedInsteadOfCheckout() throws IOException {
    Result result = fetch(url, SourceOptions.defaults().withRun("abc123", "release"));

    assertThat(result.info().commit()).isEqualTo("abc123");
    assertThat(result.info().branch()).isEqualTo("release");
  }

  @Test
  void writeTo_pullRequestRef_fetched() throws IOException {
    GitRepos.git(sample.bare(), "update-ref", "refs/pull/7/head", sample.feature());

    Result result = fetch(url + "#refs/pull/7/head");

    assertThat(result.tar().text()).containsEntry("app/feature.txt", "feature\n");
    assertThat(result.info().branch()).isEqualTo("HEAD");
  }

  @Test
  void writeTo_folderEscapingRepository_rejected() {
    assertThatThrownBy(() -> fetch(url + "#main:../.."))
        .isInstanceOf(SourceException.class)
        .hasMessage("error setting git context, \"../..\" not within git root");
  }

  @Test
  void writeTo_folderLinkPointingOut_rejected() throws IOException {
    Path work = repos.resolve("work");
    GitRepos.git(work, "checkout", "-q", "-b", "linked");
    Files.createSymbolicLink(work.resolve("out"), Path.of("/tmp"));
    GitRepos.git(work, "add", "out");
    GitRepos.git(work, "commit", "-q", "-m", "link out");
    GitRepos.git(work, "push", "-q", sample.bare().toString(), "linked");
    GitRepos.git(work, "checkout", "-q", "main");

    assertThatThrownBy(() -> fetch(url + "#linked:out"))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not within git root");
  }

  @Test
  void writeTo_folderIsAFile_rejected() {
    assertThatThrownBy(() -> fetch(url + "#main:README"))
        .isInstanceOf(SourceException.class)
        .hasMessage("error setting git context, not a directory: README");
  }

  @Test
  void writeTo_unknownHost_saysHostNotFound() {
    assertThatThrownBy(() -> fetch("https://git.invalid/org/repo.git#main"))
        .isInstanceOf(SourceException.class)
        .hasMessage("error fetching: host not found: git.invalid");
  }

  @Test
  void writeTo_unknownRef_clearError() {
    assertThatThrownBy(() -> fetch(url + "#no-such-branch"))
        .isInstanceOf(SourceException.class)
        .hasMessage("error fetching: couldn't find remote ref no-such-branch");
  }

  @Test
  void writeTo_submodule_checkedOutToo() throws IOException {
    Path lib = Files.createDirectories(repos.resolve("lib"));
    GitRepos.git(lib, "init", "-q", "-b", "main");
    Files.writeString(lib.resolve("lib.txt"), "library\n");
    GitRepos.git(lib, "add", "-A");
    GitRepos.git(lib, "commit", "-q", "-m", "lib");
    Path work = repos.resolve("work");
    GitRepos.git(work, "checkout", "-q", "-b", "with-sub", "main");
    GitRepos.git(work, "submodule", "add", "-q", lib.toUri().toString(), "vendor/lib");
    GitRepos.git(work, "commit", "-q", "-m", "add submodule");
    GitRepos.git(work, "push", "-q", sample.bare().toString(), "with-sub");
    GitRepos.git(work, "checkout", "-q", "main");

    Result result = fetch(url + "#with-sub");

    assertThat(result.tar().text()).containsEntry("vendor/lib/lib.txt", "library\n");
  }
}
