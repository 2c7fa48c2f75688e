package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.EngineException;
import org.junit.jupiter.api.Test;

class ApiVersionsTest {

  private static final String ENGINE = "unix:///var/run/docker.sock";

  @Test
  void negotiate_docker2010_talksItsVersion() throws Exception {
    assertThat(ApiVersions.negotiate(ENGINE, "1.41", "1.12")).isEqualTo("1.41");
  }

  @Test
  void negotiate_newerEngine_talksOurNewest() throws Exception {
    assertThat(ApiVersions.negotiate(ENGINE, "1.51", "1.24")).isEqualTo(ApiVersions.NEWEST);
  }

  @Test
  void negotiate_docker29WithRaisedMinimum_talksOurNewestWhichItAccepts() throws Exception {
    assertThat(ApiVersions.negotiate(ENGINE, "1.52", "1.44")).isEqualTo("1.44");
  }

  @Test
  void negotiate_engineOlderThan2010_refusesNamingTheOldest() {
    assertThatThrownBy(() -> ApiVersions.negotiate(ENGINE, "1.40", "1.12"))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("Tried to negotiate the Engine API version with " + ENGINE)
        .hasMessageContaining("at least 1.41");
  }

  @Test
  void negotiate_engineMinimumAboveOurNewest_refuses() {
    assertThatThrownBy(() -> ApiVersions.negotiate(ENGINE, "1.60", "1.45"))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("requires API 1.45 or newer");
  }

  @Test
  void negotiate_unreadableVersion_refuses() {
    assertThatThrownBy(() -> ApiVersions.negotiate(ENGINE, "banana", ""))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'banana'");
  }

  @Test
  void compare_numericNotTextual() {
    assertThat(ApiVersions.compare("1.9", "1.41")).isNegative();
    assertThat(ApiVersions.compare("1.41", "1.41")).isZero();
    assertThat(ApiVersions.compare("2.0", "1.44")).isPositive();
  }
}
