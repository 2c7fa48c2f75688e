package dev.wharf.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSpecTest {

  @Test
  void builder_onlyImage_leavesEverythingElseEmpty() {
    ContainerSpec spec = ContainerSpec.builder("busybox").build();

    assertThat(spec.image()).isEqualTo("busybox");
    assertThat(spec.name()).isEmpty();
    assertThat(spec.cmd()).isEmpty();
    assertThat(spec.entrypoint()).isEmpty();
    assertThat(spec.mounts()).isEmpty();
    assertThat(spec.privileged()).isFalse();
  }

  @Test
  void builder_envAndMounts_keepTheirOrder() {
    ContainerSpec spec =
        ContainerSpec.builder("busybox")
            .env("HOME=/acb/home")
            .env("HOME=/custom")
            .mount(Mount.volume("ws", "/workspace"))
            .mount(Mount.volume("ws", "/again"))
            .build();

    assertThat(spec.env()).containsExactly("HOME=/acb/home", "HOME=/custom");
    assertThat(spec.mounts()).extracting(Mount::target).containsExactly("/workspace", "/again");
  }

  @Test
  void constructor_emptyImage_isRejected() {
    assertThatThrownBy(() -> ContainerSpec.builder("").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cmd_laterChangesToTheCallersList_doNotLeakIn() {
    List<String> words = new ArrayList<>(List.of("echo", "a"));
    ContainerSpec spec = ContainerSpec.builder("busybox").cmd(words).build();

    words.add("b");

    assertThat(spec.cmd()).containsExactly("echo", "a");
  }
}
