package dev.wharf.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunInfoTest {

  private static RunInfo withRegistry(String registry) {
    return new RunInfo("", "", "", "", "", "", registry, "", "", "linux", "", "amd64", "");
  }

  @Test
  void registryName_isTextBeforeFirstDot() {
    assertThat(withRegistry("foo-bar.azurecr-test.io").registryName()).isEqualTo("foo-bar");
    assertThat(withRegistry("localreg").registryName()).isEqualTo("localreg");
    assertThat(withRegistry("  ").registryName()).isEqualTo("  ");
  }

  @Test
  void formatDate_usesGoLayoutWithLowerCaseZ() {
    assertThat(RunInfo.formatDate(Instant.parse("2010-05-20T13:14:22Z")))
        .isEqualTo("20100520-131422z");
  }

  @Test
  void toMap_usesGoFieldNames_andRenderDataHasRunJson() {
    RunInfo run =
        new RunInfo(
            "SomeID",
            null,
            null,
            null,
            null,
            null,
            "foo.azurecr.io",
            "d",
            "",
            "linux",
            "",
            "amd64",
            "t");
    assertThat(run.toMap())
        .containsEntry("ID", "SomeID")
        .containsEntry("RegistryName", "foo")
        .containsEntry("Commit", "")
        .hasSize(14);
    assertThat(RenderData.of(run, java.util.Map.of(), java.util.Map.of()).get("RunJSON"))
        .isEqualTo(
            "'{\"Architecture\":\"amd64\",\"Branch\":\"\",\"Commit\":\"\",\"Date\":\"d\","
                + "\"GitTag\":\"\",\"ID\":\"SomeID\",\"OS\":\"linux\",\"OSVersion\":\"\","
                + "\"Registry\":\"foo.azurecr.io\",\"RegistryName\":\"foo\",\"Repository\":\"\","
                + "\"SharedVolume\":\"\",\"TaskName\":\"t\",\"TriggeredBy\":\"\"}'");
  }
}
