package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project stands alone: its docs and code comments cite the project's own {@code docs/}, never
 * documents a clone does not contain (the founders' shared spec folder beside the repository, its
 * behaviour and decisions pages) nor the ids of decisions recorded there.
 */
class StandaloneDocsTest {

  private static final Pattern FOREIGN =
      Pattern.compile(
          "\\.\\./"
              + "shared|acb-"
              + "behaviour\\.md|"
              + "decisions"
              + "\\.md"
              + "|\\bdecisions? [EL][0-9]{1,2}\\b|\\((?:[EL][0-9]{1,2}(?:[,–-] ?)?)+\\)");

  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules");

  private static final Set<String> CHECKED_ENDINGS =
      Set.of(".java", ".md", ".yaml", ".yml", ".xml", ".sh", ".properties", ".sql", ".txt");

  @Test
  void noFileCitesDocumentsOutsideTheRepository() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).exists();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> !inSkippedFolder(root.relativize(p)))
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("StandaloneDocsTest.java"))
          .filter(p -> CHECKED_ENDINGS.stream().anyMatch(p.toString()::endsWith))
          .forEach(p -> hits.addAll(citations(root, p)));
    }
    assertThat(hits)
        .as(
            "docs and comments must cite the project's own docs/ (write the behaviour in"
                + " docs/behaviour.md or another docs/ page and link its section), never"
                + " the shared spec folder beside the repository, its pages or decision ids")
        .isEmpty();
  }

  private static boolean inSkippedFolder(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_FOLDERS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> citations(Path root, Path file) {
    List<String> found = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FOREIGN.matcher(lines.get(i));
      if (m.find()) {
        found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
      }
    }
    return found;
  }
}
