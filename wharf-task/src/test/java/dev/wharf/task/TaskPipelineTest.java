package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import dev.wharf.template.render.RunInfo;
import dev.wharf.template.render.TaskRenderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskPipelineTest {

  private static RenderResult render(String task, Map<String, String> secrets)
      throws RenderException {
    RunInfo host = RunInfo.onHost(Instant.parse("2026-01-02T03:04:05Z"));
    return new TaskRenderer()
        .render(
            new RenderRequest(
                task,
                "acb.yaml",
                Path.of("."),
                null,
                null,
                Map.of(),
                secrets,
                host,
                null,
                null,
                false,
                null));
  }

  @Test
  void plan_colonInRenderedValue_namesFileLineAndShowsTheRenderedLine() throws Exception {
    RenderResult rendered =
        render(
            "# header\n# header\nsteps:\n  - build: -t {{.Run.Registry}}/app:{{.Run.ID}} .\n",
            Map.of());

    TaskException e =
        catchThrowableOfType(
            TaskException.class,
            () -> TaskPipeline.plan(rendered, "acb.yaml", TaskLoader.Options.defaults()));

    assertThat(e.position().line()).isEqualTo(4);
    assertThat(e.hint()).contains("`- build: -t /app: .`", "must be quoted", "--id");
  }

  @Test
  void plan_renderedLineInHint_masksSecretValues() throws Exception {
    RenderResult rendered =
        render("steps:\n  - cmd: x {{.Values.pw}}: y\n", Map.of("pw", "hunter2"));

    TaskException e =
        catchThrowableOfType(
            TaskException.class,
            () -> TaskPipeline.plan(rendered, "acb.yaml", TaskLoader.Options.defaults()));

    assertThat(e.getMessage()).doesNotContain("hunter2").contains("***");
  }

  @Test
  void plan_linesAddedByTemplates_stillNameTheFileLine() throws Exception {
    RenderResult rendered =
        render(
            "# header\nsteps:\n{{- range $i := until 3 }}\n  - cmd: x{{ $i }}\n{{- end }}\n"
                + "# comment\n  - cmd: y\n    when: [nosuch]\n",
            Map.of());

    TaskException e =
        catchThrowableOfType(
            TaskException.class,
            () -> TaskPipeline.plan(rendered, "acb.yaml", TaskLoader.Options.defaults()));

    assertThat(e.position().line()).isEqualTo(8);
  }
}
