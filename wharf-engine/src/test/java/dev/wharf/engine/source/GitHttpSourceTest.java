package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHttpSourceTest {

  private static final String TOKEN = "tok-9f8e7d6c5b4a";

  @TempDir static Path repos;
  static GitRepos.Sample sample;
  static GitHttpServer open;
  static GitHttpServer secured;

  @BeforeAll
  static void startServers() throws IOException {
    sample = GitRepos.sample(repos);
    open = new GitHttpServer(repos, null, null);
    secured = new GitHttpServer(repos, "dummy", TOKEN);
  }

  @AfterAll
  static void stopServers() {
    open.close();
    secured.close();
  }

  private static SourceInfo fetch(String location, SourceOptions options, ByteArrayOutputStream out)
      throws IOException {
    return SourceContext.of(location, options).writeTo(out);
  }

  @Test
  void writeTo_smartHttpBranchAndFolder_fetched() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SourceInfo info = fetch(open.url("repo.git#feature:app"), SourceOptions.defaults(), out);

    TarContents tar = TarContents.read(out.toByteArray());
    assertThat(tar.text()).containsEntry("feature.txt", "feature\n");
    assertThat(info.commit()).isEqualTo(sample.feature());
    assertThat(info.branch()).isEqualTo("feature");
  }

  @Test
  void writeTo_smartHttpSha_fetched() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SourceInfo info = fetch(open.url("repo.git#" + sample.first()), SourceOptions.defaults(), out);

    TarContents tar = TarContents.read(out.toByteArray());
    assertThat(tar.text()).containsEntry("app/version.txt", "1\n");
    assertThat(tar.names()).contains(".git/shallow");
    assertThat(info.commit()).isEqualTo(sample.first());
  }

  @Test
  void writeTo_privateRepoWithGitToken_authenticatesAndNeverPrintsToken() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SourceInfo info;
    try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      info = fetch(secured.url("repo.git#main"), SourceOptions.defaults().withGitToken(TOKEN), out);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }

    assertThat(TarContents.read(out.toByteArray()).text()).containsEntry("README", "hello\n");
    assertThat(info.commit()).isEqualTo(sample.second());
    assertThat(secured.authorizations).isNotEmpty();
    assertThat(info.toString()).doesNotContain(TOKEN);
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
  }

  @Test
  void writeTo_privateRepoWithTokenInUrl_authenticatesAndRedactsDescription() throws IOException {
    String location = secured.url("repo.git").replace("http://", "http://" + TOKEN + "@");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SourceInfo info = fetch(location + "#v1", SourceOptions.defaults(), out);

    assertThat(info.commit()).isEqualTo(sample.first());
    assertThat(info.description()).doesNotContain(TOKEN).endsWith("/repo.git#v1");
    assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
  }

  @Test
  void writeTo_wrongToken_failsWithoutShowingIt() {
    String wrong = "wrong-secret-123";
    String location = secured.url("repo.git").replace("http://", "http://user:" + wrong + "@");

    assertThatThrownBy(() -> fetch(location, SourceOptions.defaults(), new ByteArrayOutputStream()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("error fetching")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong))
        .satisfies(e -> assertThat(e.getCause()).isNull());
  }

  @Test
  void writeTo_privateRepoWithoutToken_fails() {
    assertThatThrownBy(
            () ->
                fetch(
                    secured.url("repo.git"), SourceOptions.defaults(), new ByteArrayOutputStream()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("error fetching");
  }
}
