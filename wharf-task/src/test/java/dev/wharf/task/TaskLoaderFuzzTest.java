package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wharf.task.graph.GraphWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated task files: loading and printing them may only ever fail with a {@link
 * TaskException}, never another exception, and never hang.
 */
class TaskLoaderFuzzTest {

  /**
   * How much of the full fuzzing depth {@code mvn verify} runs, in percent: 25 by default to keep
   * the suite fast on small machines; {@code -Dwharf.fuzz.percent=100} for the full depth.
   */
  private static final int PERCENT = Integer.getInteger("wharf.fuzz.percent", 25);

  private static final int INPUTS = 100_000 * PERCENT / 100;
  private static final long SEED = 0x5EEDL;
  private static final String[] PIECES = {
    ":",
    "-",
    " ",
    "\n",
    "\n  ",
    "\n    - ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a",
    "*a",
    "<<: *a",
    "!!str",
    "!!int",
    "\"",
    "'",
    "#",
    "|",
    ">",
    "?",
    "%",
    "@",
    "\t",
    "yes",
    "~",
    "0x1F",
    "1e9",
    ".inf",
    "-1",
    "99999999999",
    "acb_root",
    "when: [\"-\"]",
    "steps:",
    "cmd: x",
    "push: [a]",
    "volumeMounts: [{name: v, mountPath: /m}]",
    "\u00a0",
    "\u2028",
    "{{",
    "\\"
  };
  private static final String[] KEYS = {
    "id",
    "cmd",
    "build",
    "push",
    "when",
    "env",
    "timeout",
    "retries",
    "repeat",
    "keep",
    "cache",
    "volumeMounts",
    "workingDirectory",
    "network",
    "retryDelay",
    "ports",
    "<<",
    "secret",
    "bogus"
  };

  @Test
  void load_randomAndMutatedFiles_failOnlyWithTaskException() {
    List<String> corpus = corpus();
    Random random = new Random(SEED);
    int[] rejected = {0};
    assertTimeoutPreemptively(
        Duration.ofSeconds(300),
        () -> {
          for (int i = 0; i < INPUTS; i++) {
            String text =
                i % 3 == 0
                    ? generated(random)
                    : mutated(corpus.get(random.nextInt(corpus.size())), random);
            rejected[0] += loadAndPrint(text, random.nextBoolean()) ? 0 : 1;
          }
        });
    // Both outcomes must be exercised, or the fuzzer is not reaching the validator.
    assertThat(rejected[0]).isBetween(INPUTS / 20, INPUTS - INPUTS / 20);
  }

  /** True when the file was accepted; any exception but TaskException escapes with the input. */
  private static boolean loadAndPrint(String text, boolean strict) {
    TaskLoader loader = new TaskLoader(TaskLoader.Options.defaults().withStrict(strict));
    try {
      Plan plan = loader.load(text, "fuzz.yaml");
      InspectWriter.json(plan);
      GraphWriter.text(plan.graph());
      return true;
    } catch (TaskException e) {
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("unexpected " + e + " for input:\n" + text, e);
    }
  }

  private static List<String> corpus() {
    List<String> corpus = new ArrayList<>();
    Stream.of("validation.yaml", "dag.yaml", "defaults.yaml", "workdir.yaml", "env-merge.yaml")
        .map(file -> VectorSeeds.of(file, "task"))
        .forEach(corpus::addAll);
    return corpus;
  }

  private static String mutated(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> out.insert(at, PIECES[random.nextInt(PIECES.length)]);
        case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(8)));
        case 2 -> out.insert(at, (char) random.nextInt(128));
        default -> {
          int end = Math.min(out.length(), at + random.nextInt(40));
          out.insert(at, out.substring(at, end));
        }
      }
    }
    return out.toString();
  }

  private static String generated(Random random) {
    StringBuilder out = new StringBuilder();
    if (random.nextBoolean()) {
      out.append("version: ").append(random.nextBoolean() ? "v1.1.0" : scalar(random)).append('\n');
    }
    if (random.nextInt(4) == 0) {
      out.append("volumes:\n  - name: ").append(scalar(random)).append("\n    secret: {a: b}\n");
    }
    out.append("steps:\n");
    int steps = random.nextInt(6);
    for (int s = 0; s < steps; s++) {
      out.append("  - ");
      int keys = 1 + random.nextInt(5);
      for (int k = 0; k < keys; k++) {
        out.append(k == 0 ? "" : "    ").append(KEYS[random.nextInt(KEYS.length)]).append(": ");
        out.append(value(random)).append('\n');
      }
    }
    return out.toString();
  }

  private static String value(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "[" + scalar(random) + ", " + scalar(random) + "]";
      case 1 -> "{name: " + scalar(random) + ", mountPath: " + scalar(random) + "}";
      default -> scalar(random);
    };
  }

  private static String scalar(Random random) {
    String[] scalars = {
      "x",
      "a",
      "b",
      "\"-\"",
      "-1",
      "0",
      "7",
      "yes",
      "off",
      "~",
      "\"\"",
      "a b",
      "A=1",
      "B",
      "v",
      "/m",
      "acb_step_0",
      "acb_root",
      "enabled",
      "1.5",
      "'60'",
      "x,y"
    };
    return scalars[random.nextInt(scalars.length)];
  }
}
