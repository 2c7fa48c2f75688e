package dev.wharf.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Inputs taken from the conformance vectors ({@code conformance/vectors/}) to seed fuzz tests; the
 * vectors themselves run through the command line in wharf-cli's {@code VectorConformanceTest}.
 */
public final class VectorSeeds {

  private VectorSeeds() {}

  /**
   * The values of one input field ({@code task}, {@code dockerfile}, …) of every case in a file.
   */
  @SuppressWarnings("unchecked")
  public static List<String> of(String vectorFile, String field) {
    try (InputStream in = VectorSeeds.class.getResourceAsStream("/vectors/" + vectorFile)) {
      Objects.requireNonNull(in, "no vector file " + vectorFile + " on the test classpath");
      Map<String, Object> document =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      return ((List<Map<String, Object>>) document.get("cases"))
          .stream().map(c -> (String) c.get(field)).filter(Objects::nonNull).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
