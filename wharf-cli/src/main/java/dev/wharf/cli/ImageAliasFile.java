package dev.wharf.cli;

import dev.wharf.template.alias.AliasException;
import dev.wharf.template.alias.Aliases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user's image aliases (docs/behaviour.md#aliases): {@code $WHARF_HOME/aliases.yaml} or {@code
 * ~/.wharf/aliases.yaml}, a map of alias → image that replaces the predefined image aliases.
 */
final class ImageAliasFile {

  private ImageAliasFile() {}

  /** The aliases from the file, or null when there is none (acb's predefined ones apply). */
  static Map<String, String> read(Map<String, String> environment) throws BadInputException {
    String home = environment.get("WHARF_HOME");
    Path file =
        home != null && !home.isEmpty()
            ? Path.of(home, "aliases.yaml")
            : Path.of(System.getProperty("user.home"), ".wharf", "aliases.yaml");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Aliases.parseImageAliases(Files.readString(file), file.toString());
    } catch (IOException | AliasException e) {
      throw new BadInputException(
          "cannot read the image aliases in " + file + ": " + e.getMessage());
    }
  }
}
