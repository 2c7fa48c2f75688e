package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.testing.DockerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code wharf version} names the engine it reaches, as the command-line spec promises. */
@DockerTest
class VersionIT {

  @Test
  void version_namesWharfJavaAndTheEngine() {
    CliRun run = CliRun.of(Path.of("."), "version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^wharf \\S+$")
        .containsPattern("(?m)^java 17")
        .containsPattern("(?m)^engine \\d+\\.\\d+\\S* \\(API 1\\.\\d+, \\w+/\\w+\\)$");
  }
}
