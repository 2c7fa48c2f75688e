package dev.wharf.template.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.template.values.Values;
import dev.wharf.template.values.ValuesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline around the template engine, with an engine that echoes its text. */
class TaskRendererTest {

  @TempDir Path folder;

  private final List<Map<String, Object>> seen = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private final TaskRenderer echo =
      new TaskRenderer(
          (name, text, functions, data) -> {
            seen.add((Map<String, Object>) data);
            return text;
          });

  private RenderRequest request(String task, List<String> set, List<String> secrets)
      throws ValuesException {
    return new RenderRequest(
        task,
        "acb.yaml",
        folder,
        null,
        null,
        Values.parseSet(set),
        Values.parseSet(secrets),
        RunInfo.onHost(Instant.parse("2010-05-20T13:14:22Z")),
        null,
        null,
        true,
        null);
  }

  @Test
  void render_stripsCommentLinesAndDeletesNoValue() throws Exception {
    String out = echo.render(request("# c\na: x<no value>y\n", List.of(), List.of())).text();
    assertThat(out).isEqualTo("a: xy\n");
  }

  @Test
  void render_emptyFile_rendersEmptyWithoutError() throws Exception {
    assertThat(echo.render(request("", List.of(), List.of())).text()).isEmpty();
  }

  @Test
  void render_emptyOutput_isAnError() {
    assertThatThrownBy(() -> echo.render(request("<no value>", List.of(), List.of())))
        .isInstanceOf(RenderException.class)
        .hasMessage("rendered template was empty");
  }

  @Test
  void render_engineErrors_carryAcbPrefixAndPosition() {
    TaskRenderer failing =
        new TaskRenderer(
            (name, text, functions, data) -> {
              throw new TemplateRunner.Failure(
                  true, "template: acb.yaml:2:4: unclosed action", null);
            });
    assertThatThrownBy(() -> failing.render(request("# c\nb: 1\na: {{\n", List.of(), List.of())))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "failed to parse template: acb.yaml. "
                          + "Err: template: acb.yaml:2:4: unclosed action");
              assertThat(e.line()).as("line in the file, comment included").isEqualTo(3);
              assertThat(e.column()).isEqualTo(5);
              assertThat(e.file()).isEqualTo("acb.yaml");
            });
  }

  @Test
  void render_aliasMode_substitutesBeforeTemplatingAndReturnsAliases() throws Exception {
    RenderResult result =
        echo.render(
            request(
                "version: v1.1.0\nalias:\n  values:\n    x: X\nsteps:\n  - cmd: $x $ID $$\n",
                List.of(),
                List.of()));
    assertThat(result.text()).isEqualTo("version: v1.1.0\nsteps:\n  - cmd: X {{.Run.ID}} $\n");
    assertThat(result.aliases()).isPresent();
    assertThat(result.aliases().get().values()).containsEntry("x", "X");
    assertThat(seen.get(0)).isNotNull();
  }

  @Test
  void render_aliasDataError_namesTheTaskFileLine() {
    TaskRenderer failing =
        new TaskRenderer(
            (name, text, functions, data) -> {
              throw new TemplateRunner.Failure(false, "template: aliasData:2:9: boom", null);
            });
    String task = "version: v1.1.0\n# c\nalias:\n  values: {x: '{{ fail }}'}\nsteps: []\n";
    assertThatThrownBy(() -> failing.render(request(task, List.of(), List.of())))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("unable to render alias data: failed to execute template: aliasData");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.file()).isEqualTo("acb.yaml");
            });
  }

  @Test
  void render_badAliasKey_isReportedAsAliasError() {
    String task = "version: v1.1.0\nalias:\n  values:\n    my-tool: x\na: b\n";
    assertThatThrownBy(() -> echo.render(request(task, List.of(), List.of())))
        .hasMessage(
            "unable to search/replace aliases in task: "
                + "alias key names only support alphanumeric characters");
  }

  @Test
  void render_withoutVersion_leavesDollarsAlone() throws Exception {
    assertThat(echo.render(request("a: $ID $$ID\n", List.of(), List.of())).text())
        .isEqualTo("a: $ID $$ID\n");
  }

  @Test
  @SuppressWarnings("unchecked")
  void render_valuesAndSecretSets_reachTheTemplateData() throws Exception {
    Files.writeString(folder.resolve("values.yaml"), "a: 1\nb: 2\n");
    RenderRequest r =
        new RenderRequest(
            "x\n",
            "acb.yaml",
            folder,
            null,
            folder.resolve("values.yaml"),
            Map.of("a", "9"),
            Map.of("token", "s3cret"),
            RunInfo.onHost(Instant.EPOCH),
            null,
            null,
            true,
            null);
    RenderResult result = echo.render(r);
    Map<String, Object> values = (Map<String, Object>) seen.get(0).get("Values");
    assertThat(values)
        .containsEntry("a", "9")
        .containsEntry("b", 2L)
        .containsEntry("token", "s3cret");
    assertThat(result.secretValues()).containsExactly("s3cret");
    assertThat(seen.get(0).get("ValuesJSON"))
        .isEqualTo("'{\"a\":\"9\",\"b\":2,\"token\":\"s3cret\"}'");
  }

  @Test
  void render_missingValuesFile_saysWhere() {
    RenderRequest r =
        new RenderRequest(
            "x\n",
            "acb.yaml",
            folder,
            null,
            Path.of("nope.yaml"),
            Map.of(),
            Map.of(),
            RunInfo.onHost(Instant.EPOCH),
            null,
            null,
            true,
            null);
    assertThatThrownBy(() -> echo.render(r))
        .hasMessageStartingWith("failed to load values file at path nope.yaml: stat /")
        .hasMessageEndingWith("nope.yaml: no such file or directory");
  }

  @Test
  @SuppressWarnings("unchecked")
  void render_textWithSecrets_rendersTwiceWithResolvedSecrets() throws Exception {
    List<String> firstRenderings = new ArrayList<>();
    RenderRequest r =
        new RenderRequest(
            "secrets:\n  - id: t\n",
            "acb.yaml",
            folder,
            null,
            null,
            Map.of(),
            Map.of(),
            RunInfo.onHost(Instant.EPOCH),
            null,
            null,
            true,
            first -> {
              firstRenderings.add(first);
              return Map.of("t", "value-of-t");
            });
    RenderResult result = echo.render(r);
    assertThat(firstRenderings).containsExactly("secrets:\n  - id: t\n");
    assertThat(seen).hasSize(2);
    assertThat((Map<String, Object>) seen.get(0).get("Secrets")).isEmpty();
    assertThat((Map<String, Object>) seen.get(1).get("Secrets")).containsEntry("t", "value-of-t");
    assertThat(result.secretValues()).containsExactly("value-of-t");
  }

  private RenderRequest goRequest(String task, boolean allowEnv) {
    return new RenderRequest(
        task,
        "acb.yaml",
        folder,
        null,
        null,
        Map.of(),
        Map.of(),
        RunInfo.onHost(Instant.EPOCH),
        null,
        null,
        allowEnv,
        null);
  }

  @Test
  void goEngine_executionError_namesTheFileLineBehindStrippedComments() {
    String task = "# comment\nsteps:\n  v: {{ .Values.a.b }}\n";
    assertThatThrownBy(() -> new TaskRenderer().render(goRequest(task, true)))
        .isInstanceOfSatisfying(
            RenderException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("failed to execute template: acb.yaml. Err: template: acb.yaml:2:");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isPositive();
            });
  }

  @Test
  void goEngine_envOnlyWhenAllowed_andB64encToleratesNil() throws Exception {
    TaskRenderer renderer = new TaskRenderer();
    assertThat(renderer.render(goRequest("s: [{{ .Secrets.x | b64enc }}]\n", false)).text())
        .isEqualTo("s: []\n");
    assertThat(renderer.render(goRequest("{{ env \"WHARF_UNSET_VARIABLE\" }}x\n", true)).text())
        .isEqualTo("x\n");
    assertThatThrownBy(() -> renderer.render(goRequest("{{ env \"HOME\" }}\n", false)))
        .hasMessageContaining("function \"env\" not defined");
  }

  @Test
  void render_valueWithoutJsonForm_isAValuesError() throws Exception {
    Files.writeString(folder.resolve("values.yaml"), "x: .nan\n");
    RenderRequest r =
        new RenderRequest(
            "a\n",
            "acb.yaml",
            folder,
            null,
            folder.resolve("values.yaml"),
            Map.of(),
            Map.of(),
            RunInfo.onHost(Instant.EPOCH),
            null,
            null,
            true,
            null);
    assertThatThrownBy(() -> echo.render(r))
        .isInstanceOf(RenderException.class)
        .hasMessage(
            "failed to override values: failed to serialize Values: json: unsupported value: NaN");
  }
}
