package dev.wharf.engine.prepare;

import dev.wharf.engine.TempFiles;
import dev.wharf.engine.source.BoundedGunzip;
import dev.wharf.engine.source.Redaction;
import dev.wharf.engine.source.SourceContext;
import dev.wharf.engine.source.SourceInfo;
import dev.wharf.engine.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A run's context fetched once into a tar file: what becomes {@code /workspace}, where the task and
 * values files are looked up, and (for git) the commit and branch the run reports. A client that
 * sends a local folder to a server packs it here too, so that both read it alike.
 */
public final class WorkspaceArchive implements AutoCloseable {
  private final Path tar;
  private final SourceInfo info;

  private WorkspaceArchive(Path tar, SourceInfo info) {
    this.tar = tar;
    this.info = info;
  }

  /**
   * Packs a local folder as a run would read it ({@code .dockerignore}, no VCS folders, {@code
   * keepFile} sent regardless, {@code extraFiles} added) into the tar.gz a server takes.
   */
  public static void pack(
      RunContext.LocalFolder folder, String keepFile, Map<String, byte[]> extraFiles, Path archive)
      throws PrepareException {
    SourceOptions options = SourceOptions.defaults();
    if (keepFile != null) {
      options = options.withFiles(keepFile, List.of());
    }
    try (WorkspaceArchive workspace = open(folder, options, extraFiles, null);
        InputStream in = workspace.stream();
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      in.transferTo(out);
    } catch (IOException e) {
      throw new PrepareException(
          PrepareException.Kind.CONTEXT, "cannot pack the context: " + e.getMessage(), e);
    }
  }

  /** Fetches the context of {@code inputs} and adds its extra files. */
  static WorkspaceArchive open(RunInputs inputs) throws PrepareException {
    return open(inputs.context(), options(inputs), inputs.extraFiles(), inputs.gitToken());
  }

  private static WorkspaceArchive open(
      RunContext context, SourceOptions options, Map<String, byte[]> extraFiles, String gitToken)
      throws PrepareException {
    if (context instanceof RunContext.LocalFolder local && !Files.isDirectory(local.folder())) {
      throw new PrepareException(
          PrepareException.Kind.CONTEXT,
          "the context folder " + local.folder() + " does not exist",
          null);
    }
    Path tar = null;
    try {
      tar = TempFiles.file("wharf-context", ".tar");
      SourceInfo info;
      if (context instanceof RunContext.Upload upload) {
        try (InputStream in = Files.newInputStream(upload.archive());
            OutputStream out = Files.newOutputStream(tar)) {
          BoundedGunzip.copy(in, out, options.limits(), "the uploaded context");
        }
        info = new SourceInfo("", "", "uploaded context");
      } else {
        try (OutputStream out = Files.newOutputStream(tar)) {
          info = SourceContext.of(location(context), options).writeTo(out);
        }
      }
      for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
        ContextTar.append(tar, extra.getKey(), extra.getValue());
      }
      return new WorkspaceArchive(tar, info);
    } catch (IOException e) {
      deleteQuietly(tar);
      // A git context may carry a token in its user-info; the message reaches logs and terminals.
      throw new PrepareException(
          PrepareException.Kind.CONTEXT,
          Redaction.redact(
              "cannot read the context " + location(context) + ": " + e.getMessage(), gitToken),
          e);
    }
  }

  private static String location(RunContext context) {
    if (context instanceof RunContext.LocalFolder local) {
      return local.folder().toString();
    }
    if (context instanceof RunContext.Remote remote) {
      return remote.location();
    }
    return context instanceof RunContext.Upload ? "uploaded context" : "/dev/null";
  }

  private static SourceOptions options(RunInputs inputs) {
    SourceOptions options =
        SourceOptions.defaults()
            .withRun(inputs.run().commit(), inputs.run().branch())
            .withLocalContexts(inputs.options().localContexts());
    if (inputs.keepFile() != null) {
      options = options.withFiles(inputs.keepFile(), List.of());
    }
    if (inputs.gitToken() != null) {
      options = options.withGitToken(inputs.gitToken());
    }
    return options;
  }

  /** The commit of a git context, else empty. */
  String commit() {
    return info.commit();
  }

  /** The branch of a git context, else empty. */
  String branch() {
    return info.branch();
  }

  /** The text of the file at {@code name} in the context, if there is one. */
  Optional<String> file(String name) throws IOException {
    String wanted = name.replaceFirst("^\\./", "");
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile() && e.getName().replaceFirst("^\\./", "").equals(wanted)) {
          return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return Optional.empty();
  }

  /** Opens the context as the tar stream that becomes {@code /workspace}. */
  InputStream stream() throws IOException {
    return Files.newInputStream(tar);
  }

  @Override
  public void close() {
    deleteQuietly(tar);
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
