package dev.wharf.engine.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.StepResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Prints each run event as one JSON object per line ({@code --output json}), for tools. */
public final class JsonEventPrinter implements RunListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final Clock clock;

  public JsonEventPrinter(PrintStream out, Clock clock) {
    this.out = Objects.requireNonNull(out, "out cannot be null");
    this.clock = Objects.requireNonNull(clock, "clock cannot be null");
  }

  @Override
  public void onEvent(RunEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("time", clock.instant().toString());
    if (event instanceof RunEvent.RunStarted started) {
      node.put("event", "runStarted").put("runId", started.runId());
      started.stepIds().forEach(node.putArray("steps")::add);
    } else if (event instanceof RunEvent.StepStarted started) {
      node.put("event", "stepStarted")
          .put("step", started.stepId())
          .put("timeoutSeconds", started.timeout().toSeconds())
          .put("workingDirectory", started.workingDirectory())
          .put("network", started.network())
          .put("detach", started.detach());
    } else if (event instanceof RunEvent.StepLog log) {
      node.put("event", "stepLog")
          .put("step", log.stepId())
          .put("stream", log.stream().name().toLowerCase(Locale.ROOT))
          .put("text", log.text());
    } else if (event instanceof RunEvent.StepFinished finished) {
      node.put("event", "stepFinished");
      step(node, finished.result());
    } else if (event instanceof RunEvent.Dependencies deps) {
      node.put("event", "dependencies").set("dependencies", parsed(deps.json()));
    } else if (event instanceof RunEvent.Message message) {
      node.put("event", "message").put("text", message.text());
    } else if (event instanceof RunEvent.RunFinished finished) {
      runFinished(node, finished.result());
    }
    String line;
    try {
      line = JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (this) {
      out.println(line);
      out.flush();
    }
  }

  private static void runFinished(ObjectNode node, RunResult result) {
    node.put("event", "runFinished")
        .put("runId", result.runId())
        .put("status", result.status().name().toLowerCase(Locale.ROOT))
        .put("elapsedSeconds", result.elapsed().toMillis() / 1000.0)
        .put("error", result.error());
    ArrayNode steps = node.putArray("steps");
    result.steps().forEach(s -> step(steps.addObject(), s));
  }

  private static void step(ObjectNode node, StepResult step) {
    node.put("step", step.stepId())
        .put("status", step.status().name().toLowerCase(Locale.ROOT))
        .put("start", text(step.start()))
        .put("end", text(step.end()))
        .put("elapsedSeconds", step.elapsed().toMillis() / 1000.0)
        .put("attempts", step.attempts())
        .put("error", step.error());
    step.digests().forEach(node.putArray("digests")::add);
  }

  /** Embeds acb's dependency JSON as JSON; text that does not parse is kept as a string. */
  private static JsonNode parsed(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(json);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
