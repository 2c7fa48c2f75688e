package dev.wharf.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.OutputImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStoreTest {
  @Test
  void imageKeys_tagAndDigest_withAndWithoutRegistry() {
    String keys = RunStore.imageKeys(List.of(new OutputImage("r.io", "app", "v1", "sha256:aa")));

    assertThat(keys).isEqualTo(" app:v1 app@sha256:aa r.io/app:v1 r.io/app@sha256:aa ");
  }

  @Test
  void imageKeys_noImages_isABlank() {
    assertThat(RunStore.imageKeys(List.of())).isEqualTo("  ");
  }
}
