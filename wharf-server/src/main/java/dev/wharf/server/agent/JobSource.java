package dev.wharf.server.agent;

import dev.wharf.engine.source.SourceContext;
import dev.wharf.engine.source.SourceInfo;
import dev.wharf.engine.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A job's context as one tar file: the uploaded archive unpacked from gzip, or a git, tarball or
 * {@code /dev/null} context fetched. A server never reads its own folders as a context.
 */
final class JobSource implements AutoCloseable {
  private final Path tar;
  private final SourceInfo info;

  private JobSource(Path tar, SourceInfo info) {
    this.tar = tar;
    this.info = info;
  }

  /**
   * Prepares the context of {@code job}; local folders, {@code file://} and hosts on this machine
   * or its private network only when {@code localContexts}.
   */
  static JobSource open(RunJob job, boolean localContexts) throws IOException {
    Path tar = Files.createTempFile("wharf-run-" + job.runId(), ".tar");
    try {
      SourceInfo info;
      if (job.contextArchive() != null) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(job.contextArchive()))) {
          Files.copy(in, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        info = new SourceInfo("", "", "uploaded context");
      } else {
        String context = job.spec().context() == null ? "/dev/null" : job.spec().context();
        if (!context.equals("/dev/null") && !context.contains("://")) {
          throw new IOException(
              "the context " + context + " is not a URL; upload a local folder from the client");
        }
        try (OutputStream out = Files.newOutputStream(tar)) {
          SourceOptions options =
              SourceOptions.defaults().withGitToken(job.spec().gitAccessToken());
          info = SourceContext.of(context, options).writeTo(out);
        }
      }
      return new JobSource(tar, info);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tar);
      throw e;
    }
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
  InputStream workspace() throws IOException {
    return Files.newInputStream(tar);
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(tar);
  }
}
