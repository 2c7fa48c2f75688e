package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceGrammarTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "a-b",
        "a--b",
        "a__b",
        "a.b",
        "a_b/c.d",
        "h:1/a",
        "[::1]:5000/a",
        "x.io/a/b/c:tag_1.-x",
        "a:" + "t" + "_",
      })
  void check_valid_isNull(String text) {
    assertThat(ReferenceGrammar.check(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a___b", "a_.b", "a.", "_a", "A", "a:.t", "h:/a", "-h.io/a", "a:b/c"})
  void check_invalid_saysWhy(String text) {
    assertThat(ReferenceGrammar.check(text)).isEqualTo("invalid reference format");
  }

  @Test
  void check_tagLongerThan128_isInvalid() {
    assertThat(ReferenceGrammar.check("a:" + "t".repeat(128))).isNull();
    assertThat(ReferenceGrammar.check("a:" + "t".repeat(129))).isNotNull();
  }

  @Test
  void isDomain_acceptsHostsPortsAndIpv6() {
    assertThat(ReferenceGrammar.isDomain("localhost")).isTrue();
    assertThat(ReferenceGrammar.isDomain("my-reg.example.com:443")).isTrue();
    assertThat(ReferenceGrammar.isDomain("[fe80::1]")).isTrue();
    assertThat(ReferenceGrammar.isDomain("a..b")).isFalse();
    assertThat(ReferenceGrammar.isDomain("a:")).isFalse();
    assertThat(ReferenceGrammar.isDomain("a_b")).isFalse();
  }

  @Test
  void check_hostileInput_isLinear() {
    String hostile = "a".repeat(50_000) + "-".repeat(50_000) + "!";
    assertTimeoutPreemptively(
        Duration.ofSeconds(2), () -> assertThat(ReferenceGrammar.check(hostile)).isNotNull());
  }
}
