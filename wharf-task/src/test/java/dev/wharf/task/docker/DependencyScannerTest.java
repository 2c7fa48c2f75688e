package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyScannerTest {
  @Test
  void scan_singleStage_printsAcbJson() throws Exception {
    assertThat(DependencyScanner.scan("FROM alpine\n", List.of(), "", List.of()))
        .isEqualTo(
            "[{\"image\":null,\"runtime-dependency\":{\"registry\":\"registry.hub.docker.com\","
                + "\"repository\":\"library/alpine\",\"tag\":\"latest\",\"digest\":\"\","
                + "\"reference\":\"alpine:latest\"},\"buildtime-dependency\":null,"
                + "\"git\":{\"git-head-revision\":\"\"}}]");
  }

  @Test
  void dependencies_oneEntryPerTag_sharingBaseImages() throws Exception {
    List<ImageDependencies> entries =
        DependencyScanner.dependencies(
            "FROM golang AS b\nFROM alpine", List.of(), null, List.of("a:1", "r.io/b"), "sha");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).image().reference()).isEqualTo("r.io/b:latest");
    assertThat(entries.get(0).runtime()).isEqualTo(entries.get(1).runtime());
    assertThat(entries.get(0).buildtime())
        .extracting(ImageReference::reference)
        .containsExactly("golang:latest");
    assertThat(entries.get(0).gitHeadRevision()).isEqualTo("sha");
  }

  @Test
  void dependencies_buildtime_dedupedOnNormalisedFormWithoutLibrary() throws Exception {
    List<ImageDependencies> entries =
        DependencyScanner.dependencies(
            "FROM library/node AS a\nFROM node:latest AS b\nFROM node AS c\nFROM x",
            List.of(),
            "",
            List.of(),
            "");
    assertThat(entries.get(0).buildtime())
        .extracting(ImageReference::reference)
        .containsExactly("node:latest");
  }

  @Test
  void dependencies_runtimeNotRemovedFromBuildtimeWhenSpelledDifferently() throws Exception {
    List<ImageDependencies> entries =
        DependencyScanner.dependencies(
            "FROM golang AS a\nFROM golang:latest", List.of(), "", List.of(), "");
    assertThat(entries.get(0).runtime().reference()).isEqualTo("golang:latest");
    assertThat(entries.get(0).buildtime())
        .extracting(ImageReference::reference)
        .containsExactly("golang:latest");
  }

  @Test
  void dependencies_bareBuildArg_leavesArgAsDeclared() throws Exception {
    List<ImageDependencies> entries =
        DependencyScanner.dependencies(
            "ARG T=1\nFROM a:$T", List.of("T", "=x", "U=2"), "", List.of(), "");
    assertThat(entries.get(0).runtime().reference()).isEqualTo("a:1");
  }

  @Test
  void dependencies_repeatedBuildArg_lastWins() throws Exception {
    List<ImageDependencies> entries =
        DependencyScanner.dependencies(
            "ARG T\nFROM a:$T", List.of("T=1", "T=2"), "", List.of(), "");
    assertThat(entries.get(0).runtime().reference()).isEqualTo("a:2");
  }

  @Test
  void scan_invalidTag_fails() {
    assertThatThrownBy(() -> DependencyScanner.scan("FROM a", List.of(), "", List.of("Bad")))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("Bad: repository name must be lowercase");
  }

  @Test
  void scan_noFrom_failsWithAcbText() {
    assertThatThrownBy(() -> DependencyScanner.scan("# only\nRUN x", List.of(), "", List.of()))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unexpected dockerfile format");
  }
}
