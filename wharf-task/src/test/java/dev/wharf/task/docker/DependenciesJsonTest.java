package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependenciesJsonTest {
  private static final ImageReference ALPINE =
      new ImageReference(
          "registry.hub.docker.com", "library/alpine", "latest", "", "alpine:latest");
  private static final ImageReference DIGEST_ONLY =
      new ImageReference("r.io", "x", "", "sha256:ab", "r.io/x@sha256:ab");

  @Test
  void write_noImageNoBuildtime_usesNulls() {
    assertThat(DependenciesJson.write(List.of(new ImageDependencies(null, ALPINE, List.of(), ""))))
        .isEqualTo(
            "[{\"image\":null,\"runtime-dependency\":{\"registry\":\"registry.hub.docker.com\","
                + "\"repository\":\"library/alpine\",\"tag\":\"latest\",\"digest\":\"\","
                + "\"reference\":\"alpine:latest\"},\"buildtime-dependency\":null,"
                + "\"git\":{\"git-head-revision\":\"\"}}]");
  }

  @Test
  void write_emptyTag_isOmittedAndDigestKept() {
    assertThat(
            DependenciesJson.write(
                List.of(new ImageDependencies(DIGEST_ONLY, ALPINE, List.of(DIGEST_ONLY), "abc"))))
        .isEqualTo(
            "[{\"image\":{\"registry\":\"r.io\",\"repository\":\"x\",\"digest\":\"sha256:ab\","
                + "\"reference\":\"r.io/x@sha256:ab\"},\"runtime-dependency\":{\"registry\":"
                + "\"registry.hub.docker.com\",\"repository\":\"library/alpine\",\"tag\":"
                + "\"latest\",\"digest\":\"\",\"reference\":\"alpine:latest\"},"
                + "\"buildtime-dependency\":[{\"registry\":\"r.io\",\"repository\":\"x\","
                + "\"digest\":\"sha256:ab\",\"reference\":\"r.io/x@sha256:ab\"}],"
                + "\"git\":{\"git-head-revision\":\"abc\"}}]");
  }

  @Test
  void write_severalEntries_areCommaSeparated() {
    ImageDependencies entry = new ImageDependencies(null, ALPINE, List.of(), "");
    assertThat(DependenciesJson.write(List.of(entry, entry))).contains("}},{\"image\":null");
  }

  @Test
  void write_noEntries_isEmptyArray() {
    assertThat(DependenciesJson.write(List.of())).isEqualTo("[]");
  }

  @Test
  void string_escapesLikeGo() {
    StringBuilder out = new StringBuilder();
    DependenciesJson.string(out, "a\"b\\c\n\r\t\u0001<>&\u2028é");
    assertThat(out).hasToString("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u003c\\u003e\\u0026\\u2028é\"");
  }
}
