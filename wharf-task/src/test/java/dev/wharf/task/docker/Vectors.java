package dev.wharf.task.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the conformance vector files copied from the shared spec. */
final class Vectors {
  private Vectors() {}

  /** Each case of {@code vectors/<file>} as (name, case map) arguments. */
  static Stream<Arguments> cases(String file) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing vector file " + file);
      }
      Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      return ((List<?>) root.get("cases"))
          .stream().map(c -> Arguments.of(((Map<?, ?>) c).get("name"), c));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object yaml(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  /** The value with every {@code buildtime-dependency} list turned into a set. */
  @SuppressWarnings("unchecked")
  static Object buildtimeAsSet(Object deps) {
    if (deps instanceof List<?> list) {
      return list.stream().map(Vectors::buildtimeAsSet).toList();
    }
    if (deps instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
      Object buildtime = copy.get("buildtime-dependency");
      if (buildtime instanceof List<?> entries) {
        copy.put("buildtime-dependency", new HashSet<>(entries));
      }
      return copy;
    }
    return deps;
  }
}
