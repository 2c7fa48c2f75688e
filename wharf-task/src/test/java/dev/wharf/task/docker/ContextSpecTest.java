package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextSpecTest {
  @ParameterizedTest
  @CsvSource({
    ".,                                              LOCAL",
    "src/app,                                        LOCAL",
    "-,                                              LOCAL",
    "/abs/path,                                      LOCAL",
    "https://example.com/ctx.tar.gz,                 URL",
    "https://github.com/a/b,                         URL",
    "https://github.com/a/b.git#,                    URL",
    "HTTPS://github.com/a/b.git,                     LOCAL",
    "https://dev.azure.com/o/_git/r?x=1,             URL",
    "https://github.com/a/b.git,                     GIT",
    "http://h/a.git#main:web,                        GIT",
    "git://h/r.git,                                  GIT",
    "git@github.com:u/r.git,                         GIT",
    "github.com/u/r,                                 GIT",
    "https://dev.azure.com/o/p/_git/r,               GIT",
    "https://u@dev.azure.com/o/p/_git/r#b:d,         GIT",
    "https://x.VisualStudio.com/P/_git/R,            GIT",
    "http://x.visualstudio.com/P/_git/R,             URL",
    "oci://reg.io/ctx:1,                             OCI",
    "/dev/null,                                      NONE",
    "file:///srv/repo.git#main,                      GIT",
    "file:///srv/folder,                             LOCAL",
    "Oci://reg.io/ctx:1,                             OCI",
  })
  void parse_context_hasKind(String context, ContextKind kind) {
    assertThat(ContextSpec.parse(context).kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({
    "https://h/r.git,               https://h/r.git,  '',      ''",
    "https://h/r.git#main,          https://h/r.git,  main,    ''",
    "https://h/r.git#:sub/dir,      https://h/r.git,  '',      sub/dir",
    "https://h/r.git#v1:a:b,        https://h/r.git,  v1,      a:b",
    "git@h:u/r.git#br:x,            git@h:u/r.git,    br,      x",
    "git://h/r#pull/1/head,         git://h/r,        pull/1/head, ''",
  })
  void parse_gitFragment_splitsAtFirstColon(String context, String url, String ref, String dir) {
    ContextSpec spec = ContextSpec.parse(context);
    assertThat(spec.gitUrl()).isEqualTo(url);
    assertThat(spec.gitRef()).isEqualTo(ref);
    assertThat(spec.gitSubdir()).isEqualTo(dir);
  }

  @ParameterizedTest
  @CsvSource({"https://h/x.tar.gz#a:b", "oci://r/x#a:b", "./dir#a:b"})
  void parse_nonGitContext_hasNoGitParts(String context) {
    ContextSpec spec = ContextSpec.parse(context);
    assertThat(spec.gitUrl() + spec.gitRef() + spec.gitSubdir()).isEmpty();
    assertThat(spec.context()).isEqualTo(context);
  }

  @ParameterizedTest
  @CsvSource({"NONE, none", "LOCAL, local", "GIT, git", "URL, url", "OCI, oci"})
  void label_isLowerCaseName(ContextKind kind, String label) {
    assertThat(kind.label()).isEqualTo(label);
  }
}
