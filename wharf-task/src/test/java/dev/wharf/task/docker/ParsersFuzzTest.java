package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wharf.task.VectorSeeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 seeded random and mutated Dockerfiles, build strings, cmd strings, image references
 * and contexts to the parsers: each must answer or throw {@link DockerParseException}, never
 * anything else, and the whole run must finish in bounded time.
 */
class ParsersFuzzTest {
  private static final long SEED = 20261124L;

  /**
   * How much of the full fuzzing depth {@code mvn verify} runs, in percent: 25 by default to keep
   * the suite fast on small machines; {@code -Dwharf.fuzz.percent=100} for the full depth.
   */
  private static final int PERCENT = Integer.getInteger("wharf.fuzz.percent", 25);

  private static final int DOCKERFILES = 40_000 * PERCENT / 100;
  private static final int BUILD_STRINGS = 30_000 * PERCENT / 100;
  private static final int CMD_STRINGS = 20_000 * PERCENT / 100;
  private static final int REFERENCES = 10_000 * PERCENT / 100;

  private static final List<String> DOCKERFILE_SEEDS = dockerfileSeeds();
  private static final String[] DOCKERFILE_PIECES = {
    "$",
    "{",
    "}",
    ":-",
    ":+",
    ":?",
    "-",
    "+",
    "\"",
    "'",
    "\\",
    "`",
    "\n",
    "\r\n",
    " ",
    "\t",
    "<<EOF",
    "<<-'X'",
    "EOF",
    "#",
    "# escape=`\n",
    "FROM ",
    "from ",
    "ARG ",
    "AS ",
    "as ",
    "--platform=",
    "--x",
    "@sha256:",
    ":",
    "/",
    "=",
    "${A}",
    "$B",
    "\ufeff",
    "a",
    "Z",
    "0",
    "RUN ",
    "COPY ",
    "library/",
    "localhost:5000/",
    "\u2028",
    "é",
    "${",
    "${A:-${B:-",
  };
  private static final String[] BUILD_PIECES = {
    "-t",
    "--tag",
    "-f",
    "--file",
    "--build-arg",
    "--target",
    "--label",
    "--no-cache",
    "--pull",
    "--network",
    "--platform",
    "--secret",
    "--ssh",
    "-q",
    "-qt",
    "--rm=false",
    "--pull=maybe",
    "--file=x",
    "-fDockerfile",
    "--",
    "-",
    ".",
    "ctx",
    "a=b",
    "'",
    "\"",
    "\\",
    " ",
    "  ",
    "\n",
    "x:1",
    "https://h/r.git#m:s",
    "oci://r/x",
    "--frob",
    "-z",
    "=",
    "$HOME",
  };
  private static final String[] CMD_PIECES = {
    "-e",
    "--env",
    "-v",
    "-w",
    "-u",
    "--entrypoint",
    "--network",
    "-p",
    "--privileged",
    "--rm",
    "-d",
    "-it",
    "-dit",
    "--name",
    "--shm-size",
    "--net=host",
    "-eA=1",
    "alpine",
    "sh",
    "-c",
    "'echo $HOME'",
    "\"$x\"",
    "\\",
    "'",
    "\"",
    " ",
    "--",
    "-",
    "--frob",
    "-Q",
    "x=y",
    "\t",
  };
  private static final String[] REFERENCE_PIECES = {
    "a",
    "B",
    "0",
    ".",
    "-",
    "_",
    "__",
    "/",
    ":",
    "@",
    "sha256:",
    "0123456789abcdef",
    "localhost",
    "docker.io",
    "[::1]",
    "#",
    "git@",
    "https://",
    "http://",
    "oci://",
    "OCI://",
    ".git",
    "/_git/",
    "dev.azure.com",
    "x.visualstudio.com",
    "?",
    " ",
    "%",
    "github.com/",
  };

  @Test
  void parsers_randomInput_onlyEverThrowParseException() {
    assertTimeoutPreemptively(Duration.ofSeconds(120), this::fuzz);
  }

  private void fuzz() {
    Random random = new Random(SEED);
    int rejected = 0;
    for (int i = 0; i < DOCKERFILES; i++) {
      String dockerfile = mutate(random, DOCKERFILE_SEEDS, DOCKERFILE_PIECES);
      List<String> buildArgs =
          List.of(join(random, REFERENCE_PIECES, 3) + "=" + pick(random, DOCKERFILE_PIECES));
      String target = random.nextInt(4) == 0 ? join(random, REFERENCE_PIECES, 2) : "";
      List<String> tags =
          random.nextInt(3) == 0 ? List.of(join(random, REFERENCE_PIECES, 4)) : List.of();
      rejected +=
          attempt(
              dockerfile,
              () -> {
                String json = DependencyScanner.scan(dockerfile, buildArgs, target, tags);
                assertThat(json).startsWith("[{\"image\":").endsWith("}}]");
              });
    }
    assertBothOutcomes(rejected, DOCKERFILES);
    rejected = 0;
    List<String> buildSeeds = List.of("-t a .", "--target=x -f y --build-arg A=1 ctx");
    for (int i = 0; i < BUILD_STRINGS; i++) {
      String build =
          random.nextBoolean()
              ? join(random, BUILD_PIECES, 8)
              : mutate(random, buildSeeds, BUILD_PIECES);
      rejected += attempt(build, () -> BuildArgs.parse(build).contextSpec());
    }
    assertBothOutcomes(rejected, BUILD_STRINGS);
    rejected = 0;
    for (int i = 0; i < CMD_STRINGS; i++) {
      String cmd = join(random, CMD_PIECES, 8);
      rejected += attempt(cmd, () -> RunArgs.parse(cmd));
    }
    assertBothOutcomes(rejected, CMD_STRINGS);
    rejected = 0;
    for (int i = 0; i < REFERENCES; i++) {
      String text = join(random, REFERENCE_PIECES, 6);
      rejected += attempt(text, () -> ImageReference.parse(text));
      assertThat(ContextSpec.parse(text).context()).isEqualTo(text);
    }
    assertBothOutcomes(rejected, REFERENCES);
  }

  /** Both outcomes must occur, or the generator has stopped exploring. */
  private static void assertBothOutcomes(int rejected, int total) {
    assertThat(rejected).isBetween(1, total - 1);
  }

  private interface Parse {
    void run() throws DockerParseException;
  }

  /** 1 when the input was rejected with a parse exception, 0 when it was accepted. */
  private static int attempt(String input, Parse parse) {
    try {
      parse.run();
      return 0;
    } catch (DockerParseException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return 1;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("unexpected " + e + " for input: " + escape(input), e);
    }
  }

  private static String mutate(Random random, List<String> seeds, String[] pieces) {
    StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
    int mutations = 1 + random.nextInt(6);
    for (int m = 0; m < mutations; m++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> text.insert(at, pick(random, pieces));
        case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
        case 2 -> text.insert(at, (char) random.nextInt(0x80));
        default -> {
          int end = Math.min(text.length(), at + random.nextInt(20));
          text.insert(at, text.substring(at, end));
        }
      }
    }
    return text.toString();
  }

  private static String join(Random random, String[] pieces, int max) {
    StringBuilder text = new StringBuilder();
    int count = random.nextInt(max + 1);
    for (int i = 0; i < count; i++) {
      text.append(pick(random, pieces));
      if (random.nextBoolean()) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  private static String pick(Random random, String[] pieces) {
    return pieces[random.nextInt(pieces.length)];
  }

  private static String escape(String input) {
    return input
        .chars()
        .mapToObj(
            c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
        .collect(Collectors.joining());
  }

  private static List<String> dockerfileSeeds() {
    List<String> seeds = new ArrayList<>(VectorSeeds.of("dockerfile-scan.yaml", "dockerfile"));
    seeds.add("ARG A=1 B=\"x y\"\nFROM ${A:-a}${B:+b} AS s\nRUN <<EOF\nx\nEOF\nFROM s\n");
    return seeds;
  }
}
