package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InspectWriterTest {

  private static final String TASK =
      """
      volumes:
        - name: v
          secret: {file: c2VjcmV0}
      steps:
        - id: b
          build: -t app .
          volumeMounts: [{name: v, mountPath: /run/v}]
      """;

  private static Plan plan(TaskLoader.Options options) throws TaskException {
    return new TaskLoader(options).load(TASK, "acb.yaml");
  }

  @Test
  void json_masksSecretVolumeContents() throws TaskException {
    assertThat(InspectWriter.json(plan(TaskLoader.Options.defaults())))
        .contains("\"secret\": {\n        \"file\": \"***\"")
        .doesNotContain("c2VjcmV0");
  }

  @Test
  void json_keysFollowCliShape() throws TaskException {
    String json = InspectWriter.json(plan(TaskLoader.Options.defaults()));
    assertThat(json)
        .containsSubsequence(
            "\"version\"",
            "\"stepTimeout\"",
            "\"totalTimeout\"",
            "\"workingDirectory\"",
            "\"env\"",
            "\"networks\"",
            "\"volumes\"",
            "\"secrets\"",
            "\"steps\"",
            "\"id\"",
            "\"type\": \"build\"",
            "\"cmd\"",
            "\"build\"",
            "\"push\"",
            "\"after\"",
            "\"when\"",
            "\"env\"",
            "\"workingDirectory\": \"/workspace\"",
            "\"network\"",
            "\"volumeMounts\"",
            "\"timeout\"",
            "\"pull\"",
            "\"tags\"",
            "\"contextKind\"");
  }

  @Test
  void json_buildSummary_addsParsedBuildKeys() throws TaskException {
    BuildSummary summary =
        new BuildSummary(
            List.of("app:latest"),
            List.of("A=1"),
            "Dockerfile",
            "",
            "https://g/r.git",
            "git",
            "main",
            "sub");
    String json =
        InspectWriter.json(plan(TaskLoader.Options.defaults().withBuildReader(b -> summary)));
    assertThat(json)
        .containsSubsequence(
            "\"tags\": [\n        \"app:latest\"\n      ]",
            "\"buildArgs\"",
            "\"dockerfile\": \"Dockerfile\"",
            "\"target\": \"\"",
            "\"context\": \"https://g/r.git\"",
            "\"contextKind\": \"git\"",
            "\"gitRef\": \"main\"",
            "\"gitSubdir\": \"sub\"");
  }

  @Test
  void yaml_writesTheSameDocument() throws TaskException {
    assertThat(InspectWriter.yaml(plan(TaskLoader.Options.defaults())))
        .contains("version: v1.0.0\n", "- id: b\n", "  mountPath: /run/v\n", "file: '***'")
        .contains("  expose: []\n")
        .doesNotContain("&id");
  }
}
