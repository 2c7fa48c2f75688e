package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildRequestTest {
  @Test
  void constructor_copiesLists() {
    List<String> tags = new ArrayList<>(List.of("a"));
    BuildRequest request = new BuildRequest(tags, List.of(), "", "", ".", List.of(), List.of());
    tags.add("b");
    assertThat(request.tags()).containsExactly("a");
    assertThatThrownBy(() -> request.tags().add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_nullContext_fails() {
    assertThatThrownBy(
            () -> new BuildRequest(List.of(), List.of(), "", "", null, List.of(), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("context cannot be null");
  }

  @Test
  void enabled_readsLastValueOfBooleanFlag() {
    BuildRequest request =
        new BuildRequest(
            List.of(),
            List.of(),
            "",
            "",
            ".",
            List.of(new FlagValue("pull", "true"), new FlagValue("pull", "false")),
            List.of());
    assertThat(request.enabled("pull")).isFalse();
    assertThat(request.values("pull")).containsExactly("true", "false");
  }

  @Test
  void contextSpec_classifiesContext() {
    BuildRequest request =
        new BuildRequest(List.of(), List.of(), "", "", "oci://r/x:1", List.of(), List.of());
    assertThat(request.contextSpec().kind()).isEqualTo(ContextKind.OCI);
  }
}
