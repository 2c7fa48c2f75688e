package dev.wharf.bench;

import dev.wharf.template.Template;
import dev.wharf.template.TemplateException;
import dev.wharf.template.sprig.Sprig;
import java.util.List;
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

/** Go-template throughput: parse and execute, and execute alone, of a task-sized template. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateBenchmark {

  private static final String TEXT =
      """
      steps:
      {{- range $i, $c := .Values.colors }}
        - id: s{{ $i }}
          cmd: {{ $.Run.Registry }}/app:{{ $.Run.ID }} paint {{ $c | upper | quote }}
          env: ["N={{ printf "%03d" $i }}", "TEAM={{ default "none" $.Values.team }}"]
      {{- end }}
      """;

  private Map<String, Object> data;
  private Template parsed;
  private Map<String, dev.wharf.template.TemplateFunction> functions;

  @Setup
  public void setUp() throws TemplateException {
    functions = Sprig.functions(false);
    data =
        Map.of(
            "Run", Map.of("ID", "bench", "Registry", "reg.local"),
            "Values", Map.of("colors", List.of("red", "green", "blue", "cyan"), "team", "core"));
    parsed = Template.parse("bench", TEXT, functions);
  }

  @Benchmark
  public String parseAndExecute() throws TemplateException {
    return Template.parse("bench", TEXT, functions).execute(data);
  }

  @Benchmark
  public String execute() throws TemplateException {
    return parsed.execute(data);
  }
}
