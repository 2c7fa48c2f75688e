package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code --set-secret} value never reaches what Wharf prints (docs/behaviour.md#masking). */
@DockerTest
class RunSecretsIT {

  private static final String SECRET = "s3cr3t-Value-4711";
  private static final String TASK =
      """
      steps:
        - id: leak
          cmd: wharf-test/busybox sh -c "echo token {{.Values.token}}; echo {{.Values.token}} >&2; printf %s {{.Values.token}} | base64; echo encoded {{.Values.token | b64enc}}"
        - id: split
          cmd: wharf-test/busybox sh -c "printf 'split s3cr3t-'; sleep 0.5; echo Value-4711"
        - id: fail
          cmd: wharf-test/busybox sh -c "echo failing with {{.Values.token}}; exit 1"
      """;

  @TempDir Path dir;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void setSecret_neverAppearsInOutputOrEvents(String format) {
    CliRun run = CliRun.task(dir, TASK, "--set-secret", "token=" + SECRET, "-o", format);

    String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    // a secret written in two pieces is masked whole; JSON events carry the pieces as written
    String split = format.equals("json") ? run.logOf("split") : run.out() + run.err();
    assertThat(split).contains("split ***");
    assertThat(run.out() + run.err())
        .contains("token ***")
        .contains("failing with ***")
        .doesNotContain(SECRET)
        .doesNotContain(base64)
        .doesNotContain(base64.replace("=", ""));
  }

  @Test
  void setSecret_isStillUsableInTheStep() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - cmd: wharf-test/busybox sh -c "test {{.Values.token}} = %s && echo matches"
            """
                .formatted("s3cr3t-Value-" + "4711"),
            "--set-secret",
            "token=" + SECRET);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("matches");
  }
}
