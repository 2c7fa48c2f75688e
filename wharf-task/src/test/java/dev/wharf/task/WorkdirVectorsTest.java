package dev.wharf.task;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conformance vectors of {@code workdir.yaml} that need no template rendering. */
class WorkdirVectorsTest {

  static Stream<VectorCase> cases() {
    return VectorCase.plain("workdir.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vector_matchesExpectation(VectorCase vector) throws TaskException {
    vector.check();
  }
}
