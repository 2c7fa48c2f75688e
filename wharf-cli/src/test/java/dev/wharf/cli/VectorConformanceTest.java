package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs every public conformance vector (conformance/vectors, see its README) through the real
 * command line, in-process, each case in a fresh empty folder.
 */
class VectorConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean AMD64 =
      System.getProperty("os.arch").equals("amd64")
          || System.getProperty("os.arch").equals("x86_64");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> templates() {
    return cases("templates.yaml");
  }

  @TestFactory
  Stream<DynamicTest> values() {
    return cases("values.yaml");
  }

  @TestFactory
  Stream<DynamicTest> aliases() {
    return cases("aliases.yaml");
  }

  @TestFactory
  Stream<DynamicTest> envMerge() {
    return cases("env-merge.yaml");
  }

  @TestFactory
  Stream<DynamicTest> validation() {
    return cases("validation.yaml");
  }

  @TestFactory
  Stream<DynamicTest> dag() {
    return cases("dag.yaml");
  }

  @TestFactory
  Stream<DynamicTest> defaults() {
    return cases("defaults.yaml");
  }

  @TestFactory
  Stream<DynamicTest> workdir() {
    return cases("workdir.yaml");
  }

  @TestFactory
  Stream<DynamicTest> buildString() {
    return cases("build-string.yaml");
  }

  @TestFactory
  Stream<DynamicTest> contexts() {
    return cases("contexts.yaml");
  }

  @TestFactory
  Stream<DynamicTest> dockerfileScan() {
    return cases("dockerfile-scan.yaml");
  }

  @TestFactory
  Stream<DynamicTest> imageRefs() {
    return cases("image-refs.yaml");
  }

  /** Wharf's own cases from task files that people published (see the file's header). */
  @TestFactory
  Stream<DynamicTest> published() {
    return cases("published.yaml");
  }

  @SuppressWarnings("unchecked")
  private Stream<DynamicTest> cases(String file) {
    Map<String, Object> doc;
    try (InputStream in = getClass().getResourceAsStream("/vectors/" + file)) {
      assertThat(in).as("vector file %s in test resources", file).isNotNull();
      doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<Map<String, Object>> cases = (List<Map<String, Object>>) doc.get("cases");
    assertThat(cases).as("cases of %s", file).isNotEmpty();
    return cases.stream()
        .filter(c -> AMD64 || c.get("hostArch") == null)
        .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> runCase(file, c)));
  }

  @SuppressWarnings("unchecked")
  private void runCase(String file, Map<String, Object> c) throws Exception {
    String name = (String) c.get("name");
    Path dir = Files.createDirectories(temp.resolve(file + "-" + name));
    String via = (String) c.get("via");
    List<String> args = new ArrayList<>(List.of(via));
    if (via.equals("scan")) {
      Files.writeString(dir.resolve("Dockerfile"), (String) c.get("dockerfile"));
      args.addAll(List.of("-f", "Dockerfile"));
      for (Object a : list(c.get("buildArgs"))) {
        args.addAll(List.of("--build-arg", String.valueOf(a)));
      }
      if (c.get("target") != null) {
        args.addAll(List.of("--target", String.valueOf(c.get("target"))));
      }
      for (Object t : list(c.get("tags"))) {
        args.addAll(List.of("-t", String.valueOf(t)));
      }
      args.add(".");
    } else {
      Files.writeString(dir.resolve("acb.yaml"), (String) c.get("task"));
      args.addAll(List.of("-f", "acb.yaml"));
      if (c.get("values") != null) {
        Files.writeString(dir.resolve("values.yaml"), (String) c.get("values"));
        args.addAll(List.of("--values", "values.yaml"));
      }
      for (Object s : list(c.get("set"))) {
        args.addAll(List.of("--set", String.valueOf(s)));
      }
      Map<String, Object> run = (Map<String, Object>) c.getOrDefault("run", Map.of());
      for (Map.Entry<String, Object> e : run.entrySet()) {
        args.addAll(List.of(runFlag(e.getKey()), String.valueOf(e.getValue())));
      }
      if (Boolean.TRUE.equals(c.get("strict"))) {
        args.add("--strict");
      }
      if (via.equals("inspect")) {
        args.addAll(List.of("-o", "json"));
      }
    }
    Map<String, Object> files = (Map<String, Object>) c.getOrDefault("files", Map.of());
    for (Map.Entry<String, Object> e : files.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, String.valueOf(e.getValue()));
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), dir);
    String stdout = out.toString();
    String stderr = err.toString();
    String report =
        "args " + args + "\nstatus " + status + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    Map<String, Object> expect = (Map<String, Object>) c.get("expect");

    if (expect.containsKey("error_contains")) {
      if (via.equals("scan")) {
        assertThat(status).as(report).isNotZero();
      } else {
        assertThat(status).as(report).isEqualTo(Main.EXIT_BAD_INPUT);
      }
      assertThat(stderr).as(report).contains((String) expect.get("error_contains"));
      return;
    }
    if (Boolean.TRUE.equals(expect.get("fails"))) {
      assertThat(status).as(report).isNotZero();
      return;
    }
    assertThat(status).as(report).isZero();
    if (expect.containsKey("output")) {
      String want = (String) expect.get("output");
      if (!want.endsWith("\n") && stdout.equals(want + "\n")) {
        stdout = want;
      }
      assertThat(stdout).as(report).isEqualTo(want);
    }
    if (expect.containsKey("valid")) {
      int n = ((Number) expect.get("valid")).intValue();
      assertThat(stdout).as(report).contains("valid: " + n + (n == 1 ? " step" : " steps"));
    }
    for (Object s : list(expect.get("stderr_contains"))) {
      assertThat(stderr).as(report).contains(String.valueOf(s));
    }
    if (expect.containsKey("steps")
        || expect.containsKey("stepIds")
        || expect.containsKey("task")) {
      checkInspect(JSON.readTree(stdout), expect, report);
    }
    if (expect.containsKey("deps")) {
      JsonNode want = JSON.valueToTree(expect.get("deps"));
      JsonNode got = JSON.readTree(stdout);
      assertThat(sameData(got, want, Set.of("buildtime-dependency"))).as(report).isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkInspect(JsonNode inspect, Map<String, Object> expect, String report) {
    if (expect.containsKey("stepIds")) {
      List<String> ids = new ArrayList<>();
      inspect.get("steps").forEach(s -> ids.add(s.get("id").asText()));
      assertThat(ids).as(report).isEqualTo(expect.get("stepIds"));
    }
    Map<String, Object> task = (Map<String, Object>) expect.getOrDefault("task", Map.of());
    for (Map.Entry<String, Object> e : task.entrySet()) {
      JsonNode got = inspect.get(e.getKey());
      assertThat(got).as(report + "\nkey " + e.getKey()).isNotNull();
      assertThat(sameData(got, JSON.valueToTree(e.getValue()), Set.of()))
          .as(report + "\nkey " + e.getKey())
          .isTrue();
    }
    Map<String, Map<String, Object>> steps =
        (Map<String, Map<String, Object>>) expect.getOrDefault("steps", Map.of());
    for (Map.Entry<String, Map<String, Object>> s : steps.entrySet()) {
      JsonNode step = null;
      for (JsonNode candidate : inspect.get("steps")) {
        if (candidate.get("id").asText().equals(s.getKey())) {
          step = candidate;
        }
      }
      assertThat(step).as(report + "\nstep " + s.getKey()).isNotNull();
      for (Map.Entry<String, Object> k : s.getValue().entrySet()) {
        JsonNode got = step.get(k.getKey());
        String what = report + "\nstep " + s.getKey() + " key " + k.getKey();
        assertThat(got).as(what).isNotNull();
        assertThat(sameData(got, JSON.valueToTree(k.getValue()), Set.of("after")))
            .as(what + "\ngot " + got)
            .isTrue();
      }
    }
  }

  /** Compares JSON data: numbers by value; arrays named in {@code sets} (or at top) as sets. */
  private static boolean sameData(JsonNode got, JsonNode want, Set<String> sets) {
    return sameData(got, want, sets, sets.contains("after"));
  }

  private static boolean sameData(JsonNode got, JsonNode want, Set<String> sets, boolean asSet) {
    if (got.isNumber() && want.isNumber()) {
      return got.decimalValue().compareTo(want.decimalValue()) == 0;
    }
    if (got.isArray() && want.isArray()) {
      if (got.size() != want.size()) {
        return false;
      }
      if (asSet) {
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        got.forEach(n -> a.add(n.toString()));
        want.forEach(n -> b.add(n.toString()));
        return a.equals(b);
      }
      for (int i = 0; i < got.size(); i++) {
        if (!sameData(got.get(i), want.get(i), sets, false)) {
          return false;
        }
      }
      return true;
    }
    if (got.isObject() && want.isObject()) {
      ObjectNode g = (ObjectNode) got;
      if (g.size() != want.size()) {
        return false;
      }
      for (var e : want.properties()) {
        JsonNode v = g.get(e.getKey());
        if (v == null || !sameData(v, e.getValue(), sets, sets.contains(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return got.equals(Comparator.comparing(JsonNode::toString), want) || got.equals(want);
  }

  private static List<Object> list(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof ArrayNode a) {
      List<Object> l = new ArrayList<>();
      a.forEach(l::add);
      return l;
    }
    @SuppressWarnings("unchecked")
    List<Object> l = (List<Object>) o;
    return l;
  }

  private static String runFlag(String key) {
    return switch (key) {
      case "id" -> "--id";
      case "registry" -> "--registry";
      case "commit" -> "--commit";
      case "branch" -> "--branch";
      case "repository" -> "--repository";
      case "gitTag" -> "--git-tag";
      case "triggeredBy" -> "--triggered-by";
      case "osVersion" -> "--os-version";
      case "name" -> "--name";
      case "date" -> "--date";
      default -> throw new IllegalArgumentException("unknown run field " + key);
    };
  }
}
