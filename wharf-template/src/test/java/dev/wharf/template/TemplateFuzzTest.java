package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated templates: parsing and executing must only ever fail with {@link
 * TemplateException}, within bounded time and stack.
 */
class TemplateFuzzTest {

  /**
   * How much of the full fuzzing depth {@code mvn verify} runs, in percent: 25 by default to keep
   * the suite fast on small machines; {@code -Dwharf.fuzz.percent=100} for the full depth.
   */
  private static final int PERCENT = Integer.getInteger("wharf.fuzz.percent", 25);

  private static final int INPUTS = 100_000 * PERCENT / 100;

  private static final String[] FRAGMENTS = {
    "{{",
    "}}",
    "{{-",
    " -}}",
    "{{ ",
    " }}",
    "{{/*",
    "*/}}",
    " ",
    "\n",
    "text",
    "é",
    ".Values",
    ".Values.name",
    ".Values.items",
    ".Values.m",
    ".Values.missing",
    ".Values.nil",
    ".Rec",
    ".Rec.Name",
    ".a.b.c",
    ".",
    "$",
    "$x",
    "$i",
    "$v",
    "$x :=",
    "$x =",
    "$i, $v :=",
    "if",
    "else",
    "else if",
    "end",
    "range",
    "with",
    "break",
    "continue",
    "define \"d\"",
    "template \"d\"",
    "template \"d\" .",
    "block \"b\" .",
    "nil",
    "true",
    "false",
    "(",
    ")",
    "|",
    "\"str\"",
    "`raw`",
    "'c'",
    "'\\n'",
    "0",
    "1",
    "-1",
    "1.5",
    "1e3",
    "0x1F",
    "1_000",
    "017",
    "and",
    "or",
    "not",
    "len",
    "index",
    "slice",
    "print",
    "printf",
    "println",
    "html",
    "js",
    "urlquery",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "call",
    "upper",
    "fail",
    "\"%d %s %v %5.2f %q %x %!\"",
    "\"%*d\"",
    "\"%[2]v\"",
    "{{if .Values.flag}}",
    "{{end}}",
    "{{range .Values.items}}",
    "{{range $i, $v := .Values.m}}",
    "{{with .Values.m}}",
    "{{else}}",
    "{{define \"d\"}}",
    "{{template \"d\" .}}",
    "{{break}}",
    "{{continue}}",
    "{{.}}",
    ",",
    ":=",
    "=",
    "#",
    "\\",
    "\"",
    "'",
    "`",
    "{",
    "}",
    "-",
    "*",
    "/",
  };

  @Test
  void parseAndExecute_randomTemplates_onlyEverThrowTemplateException() {
    int[] counts = new int[2];
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          Random random = new Random(20261124L);
          Map<String, Object> data = TemplateTest.data();
          for (int i = 0; i < INPUTS; i++) {
            String text = i % 2 == 0 ? generate(random) : mutate(random, generate(random));
            counts[runOne(text, data)]++;
          }
        });
    assertThat(counts[0] + counts[1]).isEqualTo(INPUTS);
    assertThat(counts[0]).as("templates that executed").isGreaterThan(INPUTS / 100);
  }

  @Test
  void parse_deeplyNestedInput_failsCleanly() {
    String parens = "{{" + "(".repeat(5_000) + "1" + ")".repeat(5_000) + "}}";
    String ifs = "{{if 1}}".repeat(5_000) + "{{end}}".repeat(5_000);
    for (String text : new String[] {parens, ifs}) {
      assertThat(runOne(text, Map.of())).isEqualTo(1);
    }
  }

  /** Returns 0 when the template ran, 1 when it failed with a TemplateException. */
  private static int runOne(String text, Map<String, Object> data) {
    try {
      Template.parse("fuzz", text, TemplateTest.FUNCS).execute(data);
      return 0;
    } catch (TemplateException e) {
      assertThat(e.getMessage()).startsWith("template: fuzz");
      return 1;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("template " + quote(text) + " threw " + e, e);
    }
  }

  private static String quote(String s) {
    return GoFormat.quote(s);
  }

  private static String generate(Random random) {
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(24);
    for (int i = 0; i < n; i++) {
      String f = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
      if (random.nextInt(3) == 0) {
        s.append("{{").append(f).append(' ').append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        s.append("}}");
      } else {
        s.append(f);
      }
      if (random.nextBoolean()) {
        s.append(' ');
      }
    }
    return s.toString();
  }

  private static String mutate(Random random, String text) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      switch (random.nextInt(4)) {
        case 0 -> s.insert(at, (char) random.nextInt(128));
        case 1 -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (s.length() > 0) {
            s.setCharAt(at, (char) (32 + random.nextInt(95)));
          }
        }
        default -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
    }
    return s.toString();
  }
}
