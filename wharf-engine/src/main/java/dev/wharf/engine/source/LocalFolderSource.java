package dev.wharf.engine.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A folder on this machine, packed with its {@code .dockerignore} applied and version-control
 * folders dropped; the Dockerfile, the ignore file and the other always-sent paths are kept.
 */
final class LocalFolderSource implements SourceContext {

  private static final String IGNORE_FILE = ".dockerignore";

  private final Path folder;
  private final SourceOptions options;

  LocalFolderSource(Path folder, SourceOptions options) {
    this.folder = folder;
    this.options = options;
  }

  @Override
  public SourceInfo writeTo(OutputStream tar) throws IOException {
    Set<String> alwaysSent = new HashSet<>();
    alwaysSent.add(IGNORE_FILE);
    String dockerfile = SlashPath.clean(options.dockerfile());
    String ignoreFile = IGNORE_FILE;
    if (!SlashPath.escapes(dockerfile)) {
      alwaysSent.add(dockerfile);
      if (Files.isRegularFile(folder.resolve(dockerfile + IGNORE_FILE))) {
        ignoreFile = dockerfile + IGNORE_FILE;
        alwaysSent.add(ignoreFile);
      }
    }
    for (String path : options.alwaysSent()) {
      String cleaned = SlashPath.clean(path);
      if (!SlashPath.escapes(cleaned)) {
        alwaysSent.add(cleaned);
      }
    }
    ContextPacker.forLocalFolder(readIgnore(ignoreFile), alwaysSent).pack(folder, tar);
    GitHead head =
        options.commit().isEmpty() || options.branch().isEmpty()
            ? GitHead.find(folder)
            : GitHead.NONE;
    return new SourceInfo(
        options.commit().isEmpty() ? head.commit() : options.commit(),
        options.branch().isEmpty() ? head.branch() : options.branch(),
        folder.toString());
  }

  private DockerIgnore readIgnore(String name) throws IOException {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      return DockerIgnore.none();
    }
    try {
      return DockerIgnore.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new SourceException("invalid " + name + ": " + e.getMessage());
    }
  }
}
