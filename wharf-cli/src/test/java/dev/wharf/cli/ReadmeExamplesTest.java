package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's lines for the commands that run nothing ({@code validate}, {@code inspect}, {@code
 * graph}, {@code render}, {@code scan}) work as written, from the repository's root: the files they
 * name exist and the commands exit 0.
 */
class ReadmeExamplesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINE =
      Pattern.compile(
          "^\\./wharf ((?:validate|inspect|graph|render|scan) [^#\\n]*)", Pattern.MULTILINE);

  @TestFactory
  Stream<DynamicTest> readmeLines_runAsWritten() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> lines = new ArrayList<>();
    Matcher m = LINE.matcher(readme);
    while (m.find()) {
      lines.add(m.group(1).strip());
    }
    assertThat(lines).as("README example lines").hasSizeGreaterThanOrEqualTo(5);
    return lines.stream()
        .map(
            line ->
                DynamicTest.dynamicTest(
                    "wharf " + line,
                    () -> {
                      CliRun run = CliRun.of(ROOT, line.split("\\s+"));
                      assertThat(run.exit()).as("wharf " + line + "\n" + run.err()).isZero();
                      assertThat(run.out()).isNotEmpty();
                    }));
  }
}
