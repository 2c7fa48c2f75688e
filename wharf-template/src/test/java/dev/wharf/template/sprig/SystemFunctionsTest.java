package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemFunctionsTest {

  @Test
  void env_isOnlyOfferedWhenAllowed() {
    assertThat(Sprig.functions(true)).containsKeys("env", "expandenv", "getHostByName");
    assertThat(Sprig.functions(false)).doesNotContainKeys("env", "expandenv", "getHostByName");
  }

  @Test
  void expandenv_replacesBothForms_unknownAsEmpty() {
    Map<String, String> env = Map.of("A", "1", "B_C", "2");
    assertThat(SystemFunctions.expand("$A-${B_C}-$NOPE.", env)).isEqualTo("1-2-.");
    assertThat(SystemFunctions.expand("$1A $ x$ ${}y ${A", env)).isEqualTo("A $ x$ y A");
  }

  @Test
  void cryptoGenerators_sayNotSupported() {
    assertThatThrownBy(() -> call("genPrivateKey", "rsa"))
        .hasMessageContaining("not supported by Wharf");
    assertThatThrownBy(() -> call("encryptAES", "k", "v"))
        .hasMessageContaining("not supported by Wharf");
  }

  @Test
  void semver_exposesParts_andConstraintsMatch() {
    assertThat(call("semver", "1.2.3-beta.1"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("Prerelease", "beta.1")
        .containsEntry("Major", 1L);
    assertThat(call("semverCompare", ">=1.2.0", "1.3.0")).isEqualTo(true);
    assertThat(call("semverCompare", "~1.2.0", "1.3.0")).isEqualTo(false);
    assertThat(call("semverCompare", "^1.2.0", "1.9.9")).isEqualTo(true);
    assertThat(call("semverCompare", "^0.2.3", "0.3.0")).isEqualTo(false);
    assertThat(call("semverCompare", "1.2.x", "1.2.7")).isEqualTo(true);
    assertThat(call("semverCompare", ">1.0, <2.0 || 3.0.0", "3.0.0")).isEqualTo(true);
    assertThat(call("semverCompare", "1.0 - 1.4", "1.5.0")).isEqualTo(false);
    assertThat(call("semverCompare", ">=1.0.0", "1.1.0-rc1")).isEqualTo(false);
  }

  @Test
  void uuidv4_hasTheCanonicalShape() {
    assertThat((String) call("uuidv4")).matches("[0-9a-f-]{36}").hasSize(36);
  }

  @Test
  void pathFunctions_followGoPath() {
    assertThat(call("base", "/a/b/c.tar.gz")).isEqualTo("c.tar.gz");
    assertThat(call("dir", "/a/b/c")).isEqualTo("/a/b");
    assertThat(call("clean", "a//b/../c")).isEqualTo("a/c");
    assertThat(call("clean", "/../x/./")).isEqualTo("/x");
    assertThat(call("ext", "x.yaml")).isEqualTo(".yaml");
    assertThat(call("isAbs", "x")).isEqualTo(false);
  }

  @Test
  void urlParseAndJoin_roundTrip() {
    @SuppressWarnings("unchecked")
    Map<String, Object> u =
        (Map<String, Object>) call("urlParse", "https://user@example.com:8443/path?q=1#f");
    assertThat(u)
        .containsEntry("host", "example.com:8443")
        .containsEntry("hostname", "example.com")
        .containsEntry("path", "/path")
        .containsEntry("query", "q=1")
        .containsEntry("fragment", "f")
        .containsEntry("userinfo", "user");
    assertThat(call("urlJoin", u)).isEqualTo("https://user@example.com:8443/path?q=1#f");
  }
}
