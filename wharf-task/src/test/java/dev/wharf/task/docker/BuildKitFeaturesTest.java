package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitFeaturesTest {

  @Test
  void aClassicDockerfileNeedsNothing() throws Exception {
    BuildKitFeatures features =
        BuildKitFeatures.of(
            "# escape=\\\nFROM busybox AS build\nCOPY --from=build --chown=1 a b\n"
                + "RUN echo --mount=type=cache \\\n  && echo '<<EOF'\n");
    assertThat(features.any()).isFalse();
    assertThat(features.uses()).isEmpty();
    assertThat(features.frontend()).isEmpty();
  }

  @Test
  void findsMountsLinksChmodHeredocsAndTheSyntaxDirective() throws Exception {
    BuildKitFeatures features =
        BuildKitFeatures.of(
            "# syntax=docker/dockerfile:1\n"
                + "FROM busybox\n"
                + "RUN --mount=type=cache,target=/c --network=none make\n"
                + "COPY --link --chmod=755 a /b\n"
                + "RUN <<EOF\n"
                + "echo --mount=not-a-flag\n"
                + "EOF\n"
                + "ADD --checksum=sha256:00 http://x/y /z\n");
    assertThat(features.any()).isTrue();
    assertThat(features.uses())
        .containsExactly(
            "# syntax=docker/dockerfile:1",
            "RUN --mount (line 3)",
            "RUN --network (line 3)",
            "COPY --link (line 4)",
            "COPY --chmod (line 4)",
            "RUN <<heredoc (line 5)",
            "ADD --checksum (line 8)");
    assertThat(features.frontend()).isEqualTo("docker/dockerfile:1");
  }

  @Test
  void aSecretMountAfterAContinuationIsFound() throws Exception {
    assertThat(
            BuildKitFeatures.of(
                    "FROM busybox\nRUN \\\n  --mount=type=secret,id=s cat /run/secrets/s\n")
                .uses())
        .isEqualTo(List.of("RUN --mount (line 2)"));
  }
}
