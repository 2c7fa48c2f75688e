package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {

  // Cases from moby's patternmatcher tests (TestMatches) and Docker's documentation.
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "fileutils, fileutils, true",
    "*.go, fileutils.go, true",
    "*.go, a/fileutils.go, false",
    "**, file, true",
    "**, file/, true",
    "**/, file, true",
    "**/, file/, true",
    "**, /, true",
    "**/, /, true",
    "**, dir/file, true",
    "**/, dir/file, true",
    "**, dir/file/, true",
    "**, /file, true",
    "**/file, /file, true",
    "**/file, file, true",
    "**/file, dir/file, true",
    "**/file, dir/dir/file, true",
    "**/file*, dir/dir/file, true",
    "**/file*, dir/dir/file.txt, true",
    "**/file*txt, dir/dir/file.txt, true",
    "**/file*.txt, dir/dir/file.txt, true",
    "**/**/*.txt, dir/dir/file.txt, true",
    "**/**/*.txt2, dir/dir/file.txt, false",
    "**/*.txt, file.txt, true",
    "**/**/*.txt, file.txt, true",
    "a**/*.txt, a/file.txt, true",
    "a**/*.txt, a/dir/file.txt, true",
    "a**/*.txt, a/dir/dir/file.txt, true",
    "a/*.txt, a/dir/file.txt, false",
    "a/*.txt, a/file.txt, true",
    "a/*.txt**, a/file.txt, true",
    "a[b-d]e, ae, false",
    "a[b-d]e, ace, true",
    "a[b-d]e, aae, false",
    "a[^b-d]e, aze, true",
    ".*, .foo, true",
    ".*, foo, false",
    "abc.def, abcdef, false",
    "abc.def, abc.def, true",
    "abc.def, abcZdef, false",
    "abc?def, abcZdef, true",
    "abc?def, abcdef, false",
    "a\\\\, a\\, true",
    "**/foo/bar, foo/bar, true",
    "**/foo/bar, dir/foo/bar, true",
    "**/foo/bar, dir/dir2/foo/bar, true",
    "abc/**, abc, false",
    "abc/**, abc/def, true",
    "abc/**, abc/def/ghi, true",
    "**/.foo, .foo, true",
    "**/.foo, bar.foo, false",
    "a(b)c/def, a(b)c/def, true",
    "a(b)c/def, a(b)c/xyz, false",
    "a.|)$(}+{bc, a.|)$(}+{bc, true",
    "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl, dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl, true",
    "dist/*.whl, dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl, true",
  })
  void excludes_matchesLikeMobyPatternMatcher(String pattern, String path, boolean expected) {
    assertThat(DockerIgnore.of(List.of(pattern)).excludes(path)).isEqualTo(expected);
  }

  @Test
  void excludes_parentFolderMatch_excludesEverythingInside() {
    DockerIgnore ignore = DockerIgnore.parse("build\n");
    assertThat(ignore.excludes("build/out/app.jar")).isTrue();
    assertThat(ignore.excludes("src/build")).isFalse();
  }

  @Test
  void excludes_exceptionAfterExclusion_reincludes() {
    DockerIgnore ignore = DockerIgnore.parse("*.md\n!README.md\n");
    assertThat(ignore.excludes("CHANGES.md")).isTrue();
    assertThat(ignore.excludes("README.md")).isFalse();
  }

  @Test
  void excludes_lastMatchWins() {
    DockerIgnore ignore = DockerIgnore.parse("!README.md\n*.md\n");
    assertThat(ignore.excludes("README.md")).isTrue();
  }

  @Test
  void excludes_exceptionInsideExcludedFolder_reincludesFileButNotSiblings() {
    DockerIgnore ignore = DockerIgnore.parse("docs\n!docs/keep.txt\n");
    assertThat(ignore.excludes("docs")).isTrue();
    assertThat(ignore.excludes("docs/keep.txt")).isFalse();
    assertThat(ignore.excludes("docs/other.txt")).isTrue();
    assertThat(ignore.mayReinclude("docs")).isTrue();
    assertThat(ignore.mayReinclude("src")).isFalse();
  }

  @Test
  void mayReinclude_wildcardException_matchesFolderLevels() {
    DockerIgnore ignore = DockerIgnore.parse("*\n!src/*/main/**\n!**/keep.md\n");
    assertThat(ignore.mayReinclude("anything/deep")).isTrue();
    DockerIgnore narrow = DockerIgnore.parse("*\n!src/*/main/app.java\n");
    assertThat(narrow.mayReinclude("src")).isTrue();
    assertThat(narrow.mayReinclude("src/x")).isTrue();
    assertThat(narrow.mayReinclude("src/x/main")).isTrue();
    assertThat(narrow.mayReinclude("src/x/test")).isFalse();
    assertThat(narrow.mayReinclude("lib")).isFalse();
    assertThat(narrow.mayReinclude("src/x/main/app.java")).isFalse();
  }

  @Test
  void parse_commentsBlankLinesLeadingSlashAndDotSlash_areCleaned() {
    DockerIgnore ignore =
        DockerIgnore.parse(
            "\uFEFF# a comment\n\n  /secret.txt  \r\n./tmp/../logs\n # not a comment\n");
    assertThat(ignore.excludes("secret.txt")).isTrue();
    assertThat(ignore.excludes("logs/app.log")).isTrue();
    assertThat(ignore.excludes("tmp")).isFalse();
    assertThat(ignore.excludes("# a comment")).isFalse();
    assertThat(ignore.excludes("# not a comment")).isTrue();
  }

  @Test
  void parse_exclamationWithSpaces_isAnException() {
    DockerIgnore ignore = DockerIgnore.parse("*\n!  keep.txt\n");
    assertThat(ignore.excludes("keep.txt")).isFalse();
    assertThat(ignore.excludes("drop.txt")).isTrue();
  }

  @Test
  void excludes_contextRoot_isNeverExcluded() {
    assertThat(DockerIgnore.parse("*\n").excludes(".")).isFalse();
  }

  @Test
  void of_loneExclamation_isRejected() {
    assertThatThrownBy(() -> DockerIgnore.of(List.of("!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("illegal exclusion pattern");
  }

  @Test
  void of_unclosedBracket_isRejected() {
    assertThatThrownBy(() -> DockerIgnore.of(List.of("a[b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_trailingBackslash_isRejected() {
    assertThatThrownBy(() -> DockerIgnore.of(List.of("abc\\")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("syntax error in pattern");
  }

  @Test
  void none_excludesNothing() {
    assertThat(DockerIgnore.none().excludes("anything/at/all")).isFalse();
  }
}
