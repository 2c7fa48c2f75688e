package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceContextTest {

  @TempDir Path dir;

  private void write(String rel, String text) throws IOException {
    Path file = dir.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private TarContents pack(SourceOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SourceContext.of(dir.toString(), options).writeTo(out);
    return TarContents.read(out.toByteArray());
  }

  @Test
  void of_devNull_emptyWorkspace() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SourceInfo info =
        SourceContext.of("/dev/null", SourceOptions.defaults().withRun("c1", "b1")).writeTo(out);

    assertThat(TarContents.read(out.toByteArray()).names()).isEmpty();
    assertThat(out.size()).isPositive();
    assertThat(info).isEqualTo(new SourceInfo("c1", "b1", "/dev/null"));
  }

  @Test
  void of_kinds_chosenFromLocation() throws IOException {
    SourceOptions options = SourceOptions.defaults();
    assertThat(SourceContext.of("/dev/null", options)).isInstanceOf(EmptySource.class);
    assertThat(SourceContext.of("https://h/r.git#main", options)).isInstanceOf(GitSource.class);
    assertThat(SourceContext.of("file:///srv/r.git", options)).isInstanceOf(GitSource.class);
    assertThat(SourceContext.of("https://h/app.tar.gz", options)).isInstanceOf(TarballSource.class);
    assertThat(SourceContext.of(dir.toString(), options)).isInstanceOf(LocalFolderSource.class);
  }

  @Test
  void of_missingFolder_clearError() {
    assertThatThrownBy(
            () -> SourceContext.of(dir.resolve("nope").toString(), SourceOptions.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("context folder not found: ");
  }

  @Test
  void of_sshGitUrl_unsupportedWithHint() {
    assertThatThrownBy(
            () -> SourceContext.of("git@github.com:a/b.git#main", SourceOptions.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("SSH git URLs are not supported")
        .hasMessageContaining("--git-token");
  }

  @Test
  void of_ociArtifact_unsupported() {
    assertThatThrownBy(() -> SourceContext.of("oci://r.example/a:1", SourceOptions.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not supported");
  }

  @Test
  void writeTo_localFolder_dockerignoreAppliedDockerfileAndIgnoreFileKept() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write(".dockerignore", "Dockerfile\n.dockerignore\n*.log\nsecrets\n!secrets/public.pem\n");
    write("app.js", "x");
    write("debug.log", "x");
    write("secrets/private.pem", "x");
    write("secrets/public.pem", "x");
    write(".git/HEAD", "x");

    TarContents tar = pack(SourceOptions.defaults());

    assertThat(tar.files())
        .containsExactly(".dockerignore", "Dockerfile", "app.js", "secrets/public.pem");
  }

  @Test
  void writeTo_dockerfileSpecificIgnoreFile_replacesContextIgnoreFile() throws IOException {
    write("build/app.Dockerfile", "FROM scratch\n");
    write("build/app.Dockerfile.dockerignore", "*.tmp\n");
    write(".dockerignore", "*.txt\n");
    write("notes.txt", "x");
    write("cache.tmp", "x");

    TarContents tar = pack(SourceOptions.defaults().withFiles("build/app.Dockerfile", List.of()));

    assertThat(tar.files())
        .contains("notes.txt", "build/app.Dockerfile")
        .doesNotContain("cache.tmp");
  }

  @Test
  void writeTo_taskFileAlwaysSent_evenWhenIgnored() throws IOException {
    write(".dockerignore", "*.yaml\n");
    write("acb.yaml", "steps: []\n");
    write("other.yaml", "x");

    TarContents tar = pack(SourceOptions.defaults().withFiles(null, List.of("acb.yaml")));

    assertThat(tar.files()).containsExactly(".dockerignore", "acb.yaml");
  }

  @Test
  void writeTo_invalidDockerignore_clearError() throws IOException {
    write(".dockerignore", "!\n");

    assertThatThrownBy(() -> pack(SourceOptions.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessage("invalid .dockerignore: illegal exclusion pattern: \"!\"");
  }

  @Test
  void writeTo_localGitCheckout_reportsCommitAndBranch() throws IOException {
    write("file.txt", "x");
    GitRepos.git(dir, "init", "-q", "-b", "trunk");
    GitRepos.git(dir, "add", "-A");
    GitRepos.git(dir, "commit", "-q", "-m", "one");
    String commit = GitRepos.git(dir, "rev-parse", "HEAD");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SourceInfo info = SourceContext.of(dir.toString(), SourceOptions.defaults()).writeTo(out);

    assertThat(info.commit()).isEqualTo(commit);
    assertThat(info.branch()).isEqualTo("trunk");
    assertThat(TarContents.read(out.toByteArray()).names()).containsExactly("file.txt");
  }

  @Test
  void writeTo_localFolderWithoutGit_emptyCommitAndBranch() throws IOException {
    write("file.txt", "x");
    SourceInfo info =
        SourceContext.of(dir.toString(), SourceOptions.defaults())
            .writeTo(new ByteArrayOutputStream());
    assertThat(info.commit()).isEmpty();
    assertThat(info.branch()).isEmpty();
    assertThat(info.description()).isEqualTo(dir.toString());
  }

  @Test
  void sourceOptions_toString_hidesToken() {
    assertThat(SourceOptions.defaults().withGitToken("tok-123").toString())
        .doesNotContain("tok-123")
        .contains("<REDACTED>");
  }
}
