package dev.wharf.bench;

import dev.wharf.task.Plan;
import dev.wharf.task.TaskException;
import dev.wharf.task.TaskLoader;
import dev.wharf.template.alias.AliasSubstitution;
import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import dev.wharf.template.render.RunInfo;
import dev.wharf.template.render.TaskRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The task language's cost for the 50-step example (examples/fifty: aliases, values, templates):
 * the whole front half of {@code wharf run} (render, decode, plan) and the planning alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {

  private String task;
  private String values;
  private String rendered;
  private RunInfo run;

  @Setup
  public void setUp() throws Exception {
    task = resource("acb.yaml");
    values = resource("values.yaml");
    run =
        new RunInfo(
            "bench",
            "",
            "",
            "",
            "",
            "",
            "reg.local",
            RunInfo.formatDate(Instant.now()),
            "",
            "linux",
            "",
            "amd64",
            "");
    rendered = render().text();
  }

  private RenderResult render() throws RenderException {
    return new TaskRenderer()
        .render(
            new RenderRequest(
                task,
                "acb.yaml",
                Path.of(""),
                values,
                null,
                Map.of(),
                Map.of(),
                run,
                null,
                null,
                false,
                null));
  }

  /** Render, decode and plan: what every task command does before it runs anything. */
  @Benchmark
  public Plan renderDecodePlan() throws RenderException, TaskException {
    RenderResult result = render();
    var aliases = result.aliases().orElseThrow();
    return new TaskLoader(
            TaskLoader.Options.defaults()
                .withCommandAliases(cmd -> AliasSubstitution.expandCommand(cmd, aliases.values())))
        .load(result.text(), "acb.yaml");
  }

  /** Decode and plan of the already rendered text. */
  @Benchmark
  public Plan decodePlan() throws TaskException {
    return new TaskLoader(TaskLoader.Options.defaults()).load(rendered, "acb.yaml");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = PlanBenchmark.class.getResourceAsStream("/fifty/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
