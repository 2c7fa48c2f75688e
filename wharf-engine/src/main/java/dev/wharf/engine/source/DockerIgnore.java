package dev.wharf.engine.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore} file with Docker's semantics: {@code **}, {@code *}, {@code ?}, {@code
 * [...]}, {@code !} exceptions, the last matching line wins, and a path is also excluded when one
 * of its parent folders is.
 */
public final class DockerIgnore {

  private static final DockerIgnore NONE = new DockerIgnore(List.of());

  private final List<IgnorePattern> patterns;
  private final boolean exclusions;

  private DockerIgnore(List<IgnorePattern> patterns) {
    this.patterns = List.copyOf(patterns);
    this.exclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
  }

  /** A matcher that excludes nothing. */
  public static DockerIgnore none() {
    return NONE;
  }

  /**
   * Reads {@code .dockerignore} text as Docker's {@code ignorefile.ReadAll} does: a UTF-8 BOM is
   * dropped, lines starting with {@code #} are comments, blank lines are skipped, and patterns are
   * cleaned with a leading {@code /} removed.
   *
   * @throws IllegalArgumentException when a pattern is malformed
   */
  public static DockerIgnore parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r?\n", -1)) {
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean invert = pattern.charAt(0) == '!';
      if (invert) {
        pattern = pattern.substring(1).strip();
      }
      if (!pattern.isEmpty()) {
        pattern = SlashPath.clean(pattern);
        if (pattern.length() > 1 && pattern.charAt(0) == '/') {
          pattern = pattern.substring(1);
        }
      }
      lines.add(invert ? "!" + pattern : pattern);
    }
    return of(lines);
  }

  /**
   * Builds a matcher from already-split patterns, as moby's {@code patternmatcher.New}.
   *
   * @throws IllegalArgumentException when a pattern is malformed
   */
  public static DockerIgnore of(List<String> patterns) {
    List<IgnorePattern> parsed = new ArrayList<>();
    for (String raw : patterns) {
      IgnorePattern pattern = IgnorePattern.parse(raw);
      if (pattern != null) {
        parsed.add(pattern);
      }
    }
    return new DockerIgnore(parsed);
  }

  /**
   * Whether a slash-separated path relative to the context is excluded, by its own name or by a
   * parent folder's (moby's {@code MatchesOrParentMatches}).
   */
  public boolean excludes(String path) {
    String file = SlashPath.clean(path);
    if (file.equals(".")) {
      return false;
    }
    int lastSlash = file.lastIndexOf('/');
    String[] parents = lastSlash < 0 ? new String[0] : file.substring(0, lastSlash).split("/");
    boolean matched = false;
    for (IgnorePattern pattern : patterns) {
      if (pattern.exclusion() != matched) {
        continue;
      }
      boolean match = pattern.matches(file);
      StringBuilder parent = new StringBuilder();
      for (int i = 0; !match && i < parents.length; i++) {
        if (i > 0) {
          parent.append('/');
        }
        parent.append(parents[i]);
        match = pattern.matches(parent.toString());
      }
      if (match) {
        matched = !pattern.exclusion();
      }
    }
    return matched;
  }

  /**
   * Whether an excluded folder must still be walked because an exception pattern could name
   * something under it. Docker's classic builder only compares literal prefixes, which loses {@code
   * !docs/**}{@code /keep.md}; like BuildKit, each folder level is matched against the pattern's
   * segment at that level, and {@code **} matches any depth.
   */
  boolean mayReinclude(String dir) {
    if (!exclusions) {
      return false;
    }
    String[] dirParts = dir.split("/");
    for (IgnorePattern pattern : patterns) {
      if (pattern.exclusion() && pattern.mayMatchUnder(dirParts)) {
        return true;
      }
    }
    return false;
  }
}
