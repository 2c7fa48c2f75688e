package dev.wharf.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildRequestTest {

  @Test
  void builder_buildArgs_keepTheOrderWritten() {
    BuildRequest request =
        BuildRequest.builder().buildArg("Z", "1").buildArg("A", "2").buildArg("M", "3").build();

    assertThat(request.buildArgs().keySet()).containsExactly("Z", "A", "M");
  }

  @Test
  void builder_nothingSet_meansEngineDefaults() {
    BuildRequest request = BuildRequest.builder().build();

    assertThat(request.tags()).isEmpty();
    assertThat(request.target()).isEmpty();
    assertThat(request.dockerfile()).isEmpty();
    assertThat(request.noCache()).isFalse();
    assertThat(request.pull()).isFalse();
  }

  @Test
  void constructor_nullBuildArgValue_isRejectedNamingTheKey() {
    Map<String, String> args = new HashMap<>();
    args.put("VERSION", null);

    assertThatThrownBy(
            () ->
                new BuildRequest(
                    List.of(), args, "", "", Map.of(), false, false, "", "", List.of(), List.of(),
                    false, List.of(), List.of(), List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("VERSION");
  }
}
