package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code scan} vectors of dockerfile-scan.yaml and image-refs.yaml as {@code wharf scan -f
 * Dockerfile [--build-arg A]… [--target T] [-t TAG]… .} would.
 */
class ScanVectorsTest {
  static Stream<Arguments> dockerfileScan() {
    return Vectors.cases("dockerfile-scan.yaml");
  }

  static Stream<Arguments> imageRefs() {
    return Vectors.cases("image-refs.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dockerfileScan")
  void dockerfileScan_case_matchesVector(String name, Map<String, Object> vector) throws Exception {
    check(vector);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imageRefs")
  void imageRefs_case_matchesVector(String name, Map<String, Object> vector) throws Exception {
    check(vector);
  }

  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> vector) throws Exception {
    assertThat(vector.get("via")).isEqualTo("scan");
    String dockerfile = (String) vector.get("dockerfile");
    List<String> buildArgs = (List<String>) vector.getOrDefault("buildArgs", List.of());
    String target = (String) vector.getOrDefault("target", "");
    List<String> tags = (List<String>) vector.getOrDefault("tags", List.of());
    Map<String, Object> expect = (Map<String, Object>) vector.get("expect");
    if (expect.containsKey("error_contains")) {
      assertThatThrownBy(() -> DependencyScanner.scan(dockerfile, buildArgs, target, tags))
          .isInstanceOf(DockerParseException.class)
          .hasMessageContaining((String) expect.get("error_contains"));
      return;
    }
    String json = DependencyScanner.scan(dockerfile, buildArgs, target, tags);
    assertThat(json).doesNotContain("\n", " ");
    assertThat(Vectors.buildtimeAsSet(Vectors.yaml(json)))
        .isEqualTo(Vectors.buildtimeAsSet(expect.get("deps")));
  }
}
