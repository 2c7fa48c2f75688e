package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.task.docker.ContextKind;
import dev.wharf.task.docker.ContextSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitLocationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://github.com/Azure/acr-builder.git, true",
    "https://github.com/Azure/acr-builder.git#master:src, true",
    "https://github.com/Azure/acr-builder.git#, false",
    "https://example.com/app.tar.gz, false",
    "http://example.com/repo.git, true",
    "git://example.com/repo, true",
    "github.com/Azure/acr-builder, true",
    "git@github.com:Azure/acr-builder.git, true",
    "https://dev.azure.com/org/proj/_git/repo#main:src, true",
    "https://user@dev.azure.com/org/proj/_git/repo, true",
    "https://dev.azure.com/org/proj/_git/repo?x=1, false",
    "https://org.visualstudio.com/proj/_git/repo, true",
    "file:///srv/repo.git, true",
    "file:///srv/repo.git/#main, true",
    "file:///srv/app.tar, false",
    "./src, false",
  })
  void contextSpec_classifiesGitLikeAcb(String location, boolean expected) {
    assertThat(ContextSpec.parse(location).kind() == ContextKind.GIT).isEqualTo(expected);
  }

  @Test
  void parse_fragment_splitAtFirstColon() {
    GitLocation location = GitLocation.parse("https://h/r.git#br:x:y", null);
    assertThat(location.remote()).isEqualTo("https://h/r.git");
    assertThat(location.ref()).isEqualTo("br");
    assertThat(location.folder()).isEqualTo("x:y");
  }

  @Test
  void parse_folderOnly_emptyRef() {
    GitLocation location = GitLocation.parse("https://h/r.git#:docs", null);
    assertThat(location.ref()).isEmpty();
    assertThat(location.folder()).isEqualTo("docs");
  }

  @Test
  void parse_schemeLess_getsHttps() {
    assertThat(GitLocation.parse("github.com/a/b", null).remote())
        .isEqualTo("https://github.com/a/b");
  }

  @Test
  void parse_userAndPassword_movedOutOfUrl() {
    GitLocation location = GitLocation.parse("https://bob:p%40ss@h/r.git#main", null);
    assertThat(location.remote()).isEqualTo("https://h/r.git");
    assertThat(location.user()).isEqualTo("bob");
    assertThat(location.password()).isEqualTo("p@ss");
  }

  @Test
  void parse_loneUserName_isTokenForDummyUser() {
    GitLocation location = GitLocation.parse("https://ghp_abc@h/r.git", null);
    assertThat(location.user()).isEqualTo("dummy");
    assertThat(location.password()).isEqualTo("ghp_abc");
  }

  @Test
  void parse_gitToken_replacesUrlPassword() {
    GitLocation location = GitLocation.parse("https://bob:old@h/r.git", "new-token");
    assertThat(location.user()).isEqualTo("bob");
    assertThat(location.password()).isEqualTo("new-token");
  }

  @Test
  void descriptionAndToString_neverHoldCredentials() {
    GitLocation location = GitLocation.parse("https://bob:s3cret@h/r.git#main:app", "tok");
    assertThat(location.description()).isEqualTo("https://h/r.git#main:app");
    assertThat(location.toString()).doesNotContain("s3cret").doesNotContain("tok");
  }
}
