package dev.wharf.template.alias;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The alias map of a task and its directive: inline {@code values} over {@code src} files (later
 * over earlier) over the predefined aliases.
 *
 * @param values alias name → replacement text
 * @param directive the directive character as a code point
 */
public record Aliases(Map<String, String> values, int directive) {

  /** The image aliases acb predefines; a user file may replace them (docs/behaviour.md#aliases). */
  public static final Map<String, String> DEFAULT_IMAGES =
      Map.of(
          "acr", "mcr.microsoft.com/acr/acr-cli:0.19",
          "az", "mcr.microsoft.com/acr/azure-cli:2ff604c",
          "bash", "mcr.microsoft.com/acr/bash:2ff604c",
          "curl", "mcr.microsoft.com/acr/curl:2ff604c",
          "cssc", "mcr.microsoft.com/acr/cssc:2ff604c");

  private static final List<String> RUN_ALIASES =
      List.of(
          "ID",
          "SharedVolume",
          "Registry",
          "RegistryName",
          "Date",
          "OS",
          "Architecture",
          "Commit",
          "Branch");
  private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9]+$");

  public Aliases {
    values = Map.copyOf(values);
  }

  /**
   * The predefined aliases: the nine {@code .Run} fields and the image aliases.
   *
   * @param images image aliases replacing {@link #DEFAULT_IMAGES}, or null for the defaults
   */
  public static Map<String, String> predefined(Map<String, String> images) {
    Map<String, String> out = new LinkedHashMap<>();
    RUN_ALIASES.forEach(name -> out.put(name, "{{.Run." + name + "}}"));
    out.putAll(images == null ? DEFAULT_IMAGES : images);
    return out;
  }

  /**
   * Reads a user's image alias file ({@code ~/.wharf/aliases.yaml}): a YAML map of alias → image.
   *
   * @throws AliasException when the text is not such a map
   */
  public static Map<String, String> parseImageAliases(String text, String label)
      throws AliasException {
    return AliasBlock.stringMap(text, label);
  }

  /**
   * Builds the alias map from a rendered alias block.
   *
   * @param block the alias block definition (empty when the task has none)
   * @param folder the folder relative {@code src} paths are read from
   * @param images image alias overrides, or null for the defaults
   * @param remote fetches {@code http(s)} sources, or null when the network may not be used
   * @throws AliasException with acb's message for bad sources, keys or directives
   */
  public static Aliases build(
      AliasBlock block, Path folder, Map<String, String> images, RemoteAliases remote)
      throws AliasException {
    Map<String, String> map = new LinkedHashMap<>(block.values());
    List<String> sources = block.sources();
    for (int i = sources.size() - 1; i >= 0; i--) {
      String source = sources.get(i);
      AliasBlock.stringMap(read(source, folder, remote), source).forEach(map::putIfAbsent);
    }
    predefined(images).forEach(map::putIfAbsent);
    for (String key : map.keySet()) {
      if (!KEY.matcher(key).matches()) {
        throw new AliasException("alias key names only support alphanumeric characters");
      }
    }
    return new Aliases(map, directive(block.directive()));
  }

  private static int directive(String text) {
    if (text == null || text.isEmpty()) {
      return '$';
    }
    return text.codePointAt(0);
  }

  static void checkDirective(String text) throws AliasException {
    if (text == null || text.isEmpty()) {
      return;
    }
    if (text.codePointCount(0, text.length()) != 1) {
      throw new AliasException("$ directive can only be overwritten by a single character");
    }
    int c = text.codePointAt(0);
    if (c < 128 && Character.isLetterOrDigit(c)) {
      throw new AliasException("overwritten directives may not be alphanumeric characters");
    }
  }

  private static String read(String source, Path folder, RemoteAliases remote)
      throws AliasException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      if (remote == null) {
        throw new AliasException(
            "Get \"" + source + "\": alias sources over the network are not allowed here");
      }
      return remote.fetch(source);
    }
    try {
      return Files.readString(folder.resolve(source), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AliasException(
          "open " + source + ": no such file or directory (" + e.getMessage() + ")", e);
    }
  }
}
