package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentMergeTest {

  @Test
  void merge_emptySource_returnsDestinationUnvalidated() {
    assertThat(EnvironmentMerge.merge(List.of("NOEQUALS"), List.of())).containsExactly("NOEQUALS");
  }

  @Test
  void merge_destinationKeysWin_newSourceKeysFollow() {
    assertThat(EnvironmentMerge.merge(List.of("B=1"), List.of("A=2,B=3", "C=x=y")))
        .containsExactly("B=1", "A=2", "C=x=y");
  }

  @Test
  void merge_badDestinationEntry_namesStep() {
    assertThatThrownBy(() -> EnvironmentMerge.merge(List.of("X"), List.of("A=1")))
        .hasMessage("cannot parse step environment variable X correctly");
  }

  @Test
  void merge_commaInSourceValue_splitsLikeAcb() {
    assertThatThrownBy(() -> EnvironmentMerge.merge(List.of(), List.of("A=x,y")))
        .hasMessage("cannot parse task environment variable y correctly");
  }
}
