package dev.wharf.task;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conformance vectors of {@code env-merge.yaml} that need no template rendering. */
class EnvMergeVectorsTest {

  static Stream<VectorCase> cases() {
    return VectorCase.plain("env-merge.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vector_matchesExpectation(VectorCase vector) throws TaskException {
    vector.check();
  }
}
