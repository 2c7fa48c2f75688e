package dev.wharf.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageTagTest {
  @Test
  void of_loopbackAndHubNames_areOneRegistryEach() {
    assertThat(ImageTag.of("127.0.0.1:5000", "base", "1"))
        .isEqualTo(ImageTag.of("LOCALHOST:5000", "base", "1"))
        .isEqualTo(ImageTag.of("[::1]:5000", "base", "1"));
    assertThat(ImageTag.of("127.0.0.1:5000", "base", "1"))
        .isNotEqualTo(ImageTag.of("127.0.0.1:5001", "base", "1"));
    assertThat(ImageTag.of("registry.hub.docker.com", "node", ""))
        .isEqualTo(ImageTag.of("docker.io", "library/node", "latest"))
        .isEqualTo(ImageTag.of("", "library/node", null));
    assertThat(ImageTag.of("Registry.Example:443", "Org/App", "v1").toString())
        .isEqualTo("registry.example:443/org/app:v1");
  }

  @Test
  void hookHeader_verifiesOnlyItsValue_andNeverShowsIt() {
    RegistryHookHeader header = RegistryHookHeader.parse("Authorization: Bearer s3cret ");

    assertThat(header.verifies(Map.of("Authorization", "Bearer s3cret")::get)).isTrue();
    assertThat(header.verifies(Map.of("Authorization", "Bearer s3cre")::get)).isFalse();
    assertThat(header.verifies(Map.<String, String>of()::get)).isFalse();
    assertThat(header.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> RegistryHookHeader.parse("Bearer s3cret"))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> RegistryHookHeader.parse("X-Token:  "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
