package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildCacheReferenceTest {

  @ParameterizedTest
  @CsvSource({
    "hello,       reg.io, 'reg.io/app:v1',                  reg.io/app:cache_hello_build",
    "'',          reg.io, 'reg.io/app:v1',                  reg.io/app:cache_quickrun_build",
    "hello,       reg.io, 'app:v1',                         reg.io/app:cache_hello_build",
    "hello,       reg.io, 'myorg/app:v1',                   myorg/app:cache_hello_build",
    "hello,       reg.io, 'app:v1 other.io:5000/a/b:2',     other.io:5000/a/b:cache_hello_build",
    "hello,       reg.io, 'app other',                      reg.io/app:cache_hello_build",
    "hello,       reg.io, 'my_org/app',                     reg.io/my_org/app:cache_hello_build",
    "hello,       reg.io, 'localhost:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',"
        + " localhost:5000/app:cache_hello_build",
  })
  void of_tags_namesTheCacheAsAcbDoes(String task, String registry, String tags, String expected)
      throws Exception {
    assertThat(BuildCacheReference.of(task, registry, "build", Arrays.asList(tags.split(" "))))
        .contains(expected);
  }

  @Test
  void of_noTags_isEmpty() throws Exception {
    assertThat(BuildCacheReference.of("t", "reg.io", "build", List.of())).isEmpty();
  }

  @Test
  void of_aCacheTagOver128Characters_fails() {
    String step = "s".repeat(128 - "cache_t_".length() + 1);
    assertThatThrownBy(() -> BuildCacheReference.of("t", "reg.io", step, List.of("app")))
        .isInstanceOf(DockerParseException.class)
        .hasMessageStartingWith("invalid tag format: cache_t_sss");
  }

  @Test
  void of_aCacheTagOf128Characters_isValid() throws Exception {
    String step = "s".repeat(128 - "cache_t_".length());
    assertThat(BuildCacheReference.of("t", "reg.io", step, List.of("app")))
        .contains("reg.io/app:cache_t_" + step);
  }

  @Test
  void of_noRegistryAnywhere_fails() {
    assertThatThrownBy(() -> BuildCacheReference.of("t", "", "build", List.of("app:v1")))
        .isInstanceOf(DockerParseException.class)
        .hasMessage("no tag names a registry and the run has none (--registry)");
  }

  @Test
  void of_aStepIdThatIsNoTag_fails() {
    assertThatThrownBy(() -> BuildCacheReference.of("t", "reg.io", "my step", List.of("app")))
        .isInstanceOf(DockerParseException.class)
        .hasMessageStartingWith("invalid tag format: cache_t_my step");
  }
}
