package dev.wharf.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogViewTest {
  private static final String LOG =
      "2026/12/02 06:00:00 Executing step ID: build. Timeout(sec): 600, Working directory: '',"
          + " Network: 'n'\n"
          + "[build] compiling <main>\n"
          + "plain output \u001B[31mred\u001B[0m\n"
          + "2026/12/02 06:00:02 Step ID: build marked as successful (elapsed time in seconds:"
          + " 2.0)\n"
          + "2026/12/02 06:00:02 Run ID: wa1 failed after 2s. Error: boom\n";

  @Test
  void lines_acbLinesAndOutput_getTheirKindsAndASectionPerStep() {
    byte[] log = LOG.getBytes(StandardCharsets.UTF_8);

    String html = LogView.lines(log, 0, log.length, 0);

    assertThat(html)
        .contains("id=\"log-build\" class=\"l acb section\"")
        .contains("<span class=\"step\">[build] </span>compiling &lt;main&gt;")
        .contains(">plain output red</div>")
        .contains("class=\"l acb ok\"")
        .contains("class=\"l acb fail\"")
        .contains("<span class=\"ts\">2026/12/02 06:00:00 </span>");
  }

  @Test
  void lines_offsets_countFromTheBase() {
    byte[] log = "one\ntwo\n".getBytes(StandardCharsets.UTF_8);

    assertThat(LogView.lines(log, 0, log.length, 100))
        .contains("data-o=\"100\"")
        .contains("data-o=\"104\"");
  }

  @Test
  void before_keepsTheLastLinesAndSaysWhereTheyStart() {
    byte[] log = "l1\nl2\nl3\nl4\n".getBytes(StandardCharsets.UTF_8);

    LogView.Window last = LogView.before(log, log.length, 2);
    LogView.Window earlier = LogView.before(log, last.start(), 2);

    assertThat(last.start()).isEqualTo(6);
    assertThat(last.html()).contains(">l3<", ">l4<").doesNotContain(">l2<");
    assertThat(earlier.start()).isZero();
    assertThat(earlier.html()).contains(">l1<", ">l2<").doesNotContain(">l3<");
  }

  @Test
  void before_hundredThousandLines_rendersOnlyOnePage() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      text.append("[s] line ").append(i).append('\n');
    }
    byte[] log = text.toString().getBytes(StandardCharsets.UTF_8);

    LogView.Window window = LogView.before(log, log.length, LogView.PAGE_LINES);

    assertThat(window.html().split("<div", -1)).hasSize(LogView.PAGE_LINES + 1);
    assertThat(window.html()).contains("line 99999").doesNotContain("line 98999<");
  }

  @Test
  void startedSteps_listsEachStepOnceInOrder() {
    assertThat(LogView.startedSteps(LOG + LOG.replace("build", "push")))
        .containsExactly("build", "push");
  }
}
