package dev.wharf.template.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs one render vector through {@link TaskRenderer} and checks its {@code expect}. */
final class VectorRunner {

  private VectorRunner() {}

  static void check(VectorCase c) throws Exception {
    if (c.hostArch() != null) {
      assumeTrue(c.hostArch().equals(RunInfo.hostArchitecture()), "runs only on " + c.hostArch());
    }
    Path folder = Files.createTempDirectory("wharf-vector-");
    RenderRequest request = c.request(folder);
    Map<String, Object> expect = c.expect();
    TaskRenderer renderer = new TaskRenderer();
    if (expect.containsKey("output")) {
      String expected = (String) expect.get("output");
      String actual = renderer.render(request).text();
      assertThat(actual).as(c.toString()).isIn(expected, expected + "\n");
    } else if (expect.containsKey("error_contains")) {
      assertThatThrownBy(() -> renderer.render(request))
          .as(c.toString())
          .isInstanceOf(RenderException.class)
          .hasMessageContaining((String) expect.get("error_contains"));
    } else {
      assertThatThrownBy(() -> renderer.render(request))
          .as(c.toString())
          .isInstanceOf(RenderException.class);
    }
  }
}
