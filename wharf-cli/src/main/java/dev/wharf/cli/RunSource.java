package dev.wharf.cli;

import dev.wharf.engine.source.Redaction;
import dev.wharf.engine.source.SourceContext;
import dev.wharf.engine.source.SourceInfo;
import dev.wharf.engine.source.SourceOptions;
import dev.wharf.template.render.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A run's context, fetched once into a tar file: what becomes {@code /workspace}, where a relative
 * {@code -f} is looked up, and (for git) the commit and branch the run reports.
 */
final class RunSource implements AutoCloseable {

  /** The context could not be read or fetched (exit status 3). */
  static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  private final Path folder;
  private final Path tar;
  private final SourceInfo info;

  private RunSource(Path folder, Path tar, SourceInfo info) {
    this.folder = folder;
    this.tar = tar;
    this.info = info;
  }

  /**
   * Fetches the context; {@code dockerfile} (relative to a local context, null for {@code
   * Dockerfile}) is sent even when {@code .dockerignore} excludes it, as Docker does.
   */
  static RunSource open(
      String context, Path cwd, String gitToken, String dockerfile, RenderOptions options)
      throws Unreachable {
    boolean local =
        !context.equals("/dev/null") && !context.contains("://") && !context.startsWith("git@");
    Path folder = local ? cwd.resolve(context).normalize() : null;
    if (local && !Files.isDirectory(folder)) {
      throw new Unreachable("the context folder " + folder + " does not exist");
    }
    SourceOptions sourceOptions =
        SourceOptions.defaults().withRun(orEmpty(options.commit), orEmpty(options.branch));
    if (dockerfile != null) {
      sourceOptions = sourceOptions.withFiles(dockerfile, List.of());
    }
    if (gitToken != null) {
      sourceOptions = sourceOptions.withGitToken(gitToken);
    }
    Path tar = null;
    try {
      tar = Files.createTempFile("wharf-context", ".tar");
      SourceInfo info;
      try (OutputStream out = Files.newOutputStream(tar)) {
        info = SourceContext.of(local ? folder.toString() : context, sourceOptions).writeTo(out);
      }
      return new RunSource(folder, tar, info);
    } catch (IOException e) {
      deleteQuietly(tar);
      // The context may carry a token in its user-info; the message reaches the terminal.
      throw new Unreachable(
          Redaction.redact("cannot read the context " + context + ": " + e.getMessage(), gitToken));
    }
  }

  /** The task file: stdin, a file in a local context (else the current folder), or in the tar. */
  TaskInput.TaskFile taskFile(TaskInput input, String file) throws BadInputException {
    if (folder != null || "-".equals(file)) {
      return input.read(folder != null ? folder : Path.of("").toAbsolutePath(), System.in);
    }
    String name = file == null ? "acb.yaml" : file;
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      String wanted = name.replaceFirst("^\\./", "");
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile() && e.getName().replaceFirst("^\\./", "").equals(wanted)) {
          return new TaskInput.TaskFile(
              new String(in.readAllBytes(), StandardCharsets.UTF_8), name, Path.of(""));
        }
      }
    } catch (IOException e) {
      throw new BadInputException("cannot read the context: " + e.getMessage());
    }
    return input.read(Path.of("").toAbsolutePath(), System.in);
  }

  /** The run facts with the checkout's commit and branch where the flags give none. */
  RunInfo withCheckout(RunInfo run, RenderOptions options) {
    String commit = options.commit != null ? options.commit : info.commit();
    String branch = options.branch != null ? options.branch : info.branch();
    return new RunInfo(
        run.id(),
        commit,
        run.repository(),
        branch,
        run.gitTag(),
        run.triggeredBy(),
        run.registry(),
        run.date(),
        run.sharedVolume(),
        run.os(),
        run.osVersion(),
        run.architecture(),
        run.taskName());
  }

  /** Adds a file to the workspace content. */
  void add(String name, byte[] content) throws BadInputException {
    try {
      ContextTar.append(tar, name, content);
    } catch (IOException e) {
      throw new BadInputException("cannot add " + name + " to the context: " + e.getMessage());
    }
  }

  InputStream workspace() throws IOException {
    return Files.newInputStream(tar);
  }

  @Override
  public void close() {
    deleteQuietly(tar);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // A temp file left behind is harmless.
      }
    }
  }
}
