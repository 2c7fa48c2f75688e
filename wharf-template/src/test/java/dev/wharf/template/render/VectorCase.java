package dev.wharf.template.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One conformance vector, run as {@code wharf render -f acb.yaml --values values.yaml --set … --id
 * …} would run it: its files written to a fresh folder, its flags turned into a request.
 */
record VectorCase(String file, Map<String, Object> fields) {

  /** The {@code via: render} cases of a vector file, as test arguments (name, case). */
  static Stream<Arguments> renderCases(String file) {
    return cases(file).stream()
        .filter(c -> "render".equals(c.fields().get("via")))
        .map(c -> Arguments.of(c.name(), c));
  }

  /** Every case of a vector file. */
  @SuppressWarnings("unchecked")
  static List<VectorCase> cases(String file) {
    try (InputStream in = VectorCase.class.getResourceAsStream("/vectors/" + file)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Object> doc =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
      return ((List<Map<String, Object>>) doc.get("cases"))
          .stream().map(c -> new VectorCase(file, c)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return (String) fields.get("name");
  }

  String hostArch() {
    return (String) fields.get("hostArch");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> expect() {
    return (Map<String, Object>) fields.get("expect");
  }

  /** Writes the case's files into {@code folder} and builds the render request. */
  @SuppressWarnings("unchecked")
  RenderRequest request(Path folder) throws IOException {
    Path task = folder.resolve("acb.yaml");
    Files.writeString(task, (String) fields.get("task"), StandardCharsets.UTF_8);
    Path values = null;
    if (fields.get("values") != null) {
      values = folder.resolve("values.yaml");
      Files.writeString(values, (String) fields.get("values"), StandardCharsets.UTF_8);
    }
    Map<String, Object> files = (Map<String, Object>) fields.getOrDefault("files", Map.of());
    for (Map.Entry<String, Object> f : files.entrySet()) {
      Files.writeString(folder.resolve(f.getKey()), (String) f.getValue(), StandardCharsets.UTF_8);
    }
    List<String> set = (List<String>) fields.getOrDefault("set", List.of());
    return new RenderRequest(
        Files.readString(task, StandardCharsets.UTF_8),
        "acb.yaml",
        folder,
        null,
        values,
        set,
        List.of(),
        run((Map<String, Object>) fields.getOrDefault("run", Map.of())),
        null,
        null,
        true,
        null);
  }

  private static RunInfo run(Map<String, Object> run) {
    RunInfo host = RunInfo.onHost(Instant.now());
    return new RunInfo(
        flag(run, "id"),
        flag(run, "commit"),
        flag(run, "repository"),
        flag(run, "branch"),
        flag(run, "gitTag"),
        flag(run, "triggeredBy"),
        flag(run, "registry"),
        run.containsKey("date") ? flag(run, "date") : host.date(),
        "",
        host.os(),
        flag(run, "osVersion"),
        host.architecture(),
        flag(run, "name"));
  }

  private static String flag(Map<String, Object> run, String key) {
    Object v = run.get(key);
    return v == null ? "" : String.valueOf(v);
  }

  @Override
  public String toString() {
    return file + ":" + name();
  }
}
