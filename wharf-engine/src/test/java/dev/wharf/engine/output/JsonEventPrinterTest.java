package dev.wharf.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.RunStatus;
import dev.wharf.engine.StepResult;
import dev.wharf.engine.StepStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonEventPrinterTest {
  private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final JsonEventPrinter printer =
      new JsonEventPrinter(
          new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(T0, ZoneOffset.UTC));

  private List<JsonNode> lines() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
      nodes.add(json.readTree(line));
    }
    return nodes;
  }

  @Test
  void onEvent_eachEvent_isOneJsonObjectPerLine() throws Exception {
    StepResult a =
        new StepResult(
            "a", StepStatus.SUCCESSFUL, T0, T0.plusSeconds(2), 1, null, List.of("sha256:1"));
    printer.onEvent(new RunEvent.RunStarted("r1", List.of("a")));
    printer.onEvent(new RunEvent.StepStarted("a", Duration.ofSeconds(60), "", "", false));
    printer.onEvent(new RunEvent.StepLog("a", RunEvent.Stream.STDERR, "line\n\"quoted\""));
    printer.onEvent(new RunEvent.Message("Launching container with name: a"));
    printer.onEvent(new RunEvent.StepFinished(a));
    printer.onEvent(new RunEvent.Dependencies(List.of(), "[{\"image\":{\"registry\":\"r\"}}]"));
    printer.onEvent(
        new RunEvent.RunFinished(
            new RunResult("r1", RunStatus.SUCCESSFUL, T0, T0.plusSeconds(3), List.of(a), null)));

    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(n -> n.get("event").asText())
        .containsExactly(
            "runStarted",
            "stepStarted",
            "stepLog",
            "message",
            "stepFinished",
            "dependencies",
            "runFinished");
    assertThat(lines).allMatch(n -> n.get("time").asText().equals("2026-03-04T05:06:07Z"));
    assertThat(lines.get(1).get("timeoutSeconds").asInt()).isEqualTo(60);
    assertThat(lines.get(2).get("stream").asText()).isEqualTo("stderr");
    assertThat(lines.get(2).get("text").asText()).isEqualTo("line\n\"quoted\"");
    assertThat(lines.get(4).get("digests").get(0).asText()).isEqualTo("sha256:1");
    assertThat(lines.get(4).get("elapsedSeconds").asDouble()).isEqualTo(2.0);
    assertThat(lines.get(5).get("dependencies").get(0).get("image").get("registry").asText())
        .isEqualTo("r");
    assertThat(lines.get(6).get("status").asText()).isEqualTo("successful");
    assertThat(lines.get(6).get("steps").get(0).get("step").asText()).isEqualTo("a");
  }

  @Test
  void onEvent_failedRunAndSkippedStep_reportsErrorAndNulls() throws Exception {
    printer.onEvent(new RunEvent.StepFinished(StepResult.skipped("b")));
    printer.onEvent(
        new RunEvent.RunFinished(
            new RunResult(
                "r1",
                RunStatus.FAILED,
                T0,
                T0,
                List.of(StepResult.skipped("b")),
                "failed to run step ID: a: boom")));

    List<JsonNode> lines = lines();
    assertThat(lines.get(0).get("status").asText()).isEqualTo("skipped");
    assertThat(lines.get(0).get("start").isNull()).isTrue();
    assertThat(lines.get(1).get("error").asText()).isEqualTo("failed to run step ID: a: boom");
    assertThat(lines.get(1).get("status").asText()).isEqualTo("failed");
  }

  @Test
  void onEvent_dependenciesThatAreNotJson_areKeptAsText() throws Exception {
    printer.onEvent(new RunEvent.Dependencies(List.of(), "not json ["));

    assertThat(lines().get(0).get("dependencies").asText()).isEqualTo("not json [");
  }
}
