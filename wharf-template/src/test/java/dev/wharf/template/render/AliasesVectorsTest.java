package dev.wharf.template.render;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code via: render} cases of {@code vectors/aliases.yaml}. */
class AliasesVectorsTest {

  static Stream<Arguments> cases() {
    return VectorCase.renderCases("aliases.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void render_matchesVector(String name, VectorCase vector) throws Exception {
    VectorRunner.check(vector);
  }
}
