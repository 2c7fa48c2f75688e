package dev.wharf.engine.step;

import dev.wharf.engine.TempFiles;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.source.DockerIgnore;
import dev.wharf.engine.source.SourceContext;
import dev.wharf.engine.source.SourceException;
import dev.wharf.engine.source.SourceOptions;
import dev.wharf.task.docker.ContextKind;
import dev.wharf.task.docker.ContextSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context of a build step as a tar file at the context's root, as the Engine API's build
 * wants it: a folder of the run's workspace ({@link WorkspaceFiles}, with {@code .dockerignore}
 * applied as the docker CLI does), or a git or tarball URL. The Dockerfile may lie outside a
 * workspace context; it is then added under a name of its own.
 */
final class BuildContext implements AutoCloseable {

  /** The name a Dockerfile from outside the context gets inside it. */
  static final String OUTSIDE_DOCKERFILE = ".wharf-dockerfile";

  private final Path tar;
  private final String dockerfilePath;
  private final String dockerfileText;
  private final String gitCommit;

  private BuildContext(Path tar, String dockerfilePath, String dockerfileText, String gitCommit) {
    this.tar = tar;
    this.dockerfilePath = dockerfilePath;
    this.dockerfileText = dockerfileText;
    this.gitCommit = gitCommit;
  }

  /**
   * Reads the context.
   *
   * @param workdir the step's directory in the container ({@code /workspace/...})
   * @param dockerfile the {@code -f} value ("" for {@code Dockerfile} in the context)
   */
  static BuildContext of(
      StepEnvironment env, ContextSpec context, String workdir, String dockerfile)
      throws IOException, EngineException, SourceException {
    if (context.kind() == ContextKind.OCI) {
      throw new SourceException("oci:// build contexts are not supported by Wharf yet");
    }
    Path tar = TempFiles.file("wharf-build", ".tar");
    try {
      if (context.isRemote()) {
        String name = dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
        var info =
            SourceContext.of(context.context(), SourceOptions.defaults())
                .writeTo(Files.newOutputStream(tar));
        return new BuildContext(tar, name, entryText(tar, name), info.commit());
      }
      String base = inWorkspace(workdir);
      String folder = join(base, context.context());
      String dockerfileInVolume =
          dockerfile.isEmpty() ? join(folder, "Dockerfile") : join(base, dockerfile);
      String inContext = relativeTo(folder, dockerfileInVolume);
      Path raw = TempFiles.file("wharf-build-raw", ".tar");
      try {
        try (InputStream in = env.workspace().archive(folder)) {
          Files.copy(in, raw, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String ignore = entryText(raw, 1, ".dockerignore");
        String text;
        String path;
        if (inContext != null) {
          text = entryText(raw, 1, inContext);
          path = inContext;
          repack(raw, tar, DockerIgnore.parse(ignore == null ? "" : ignore), inContext, null);
        } else {
          text = volumeFile(env, dockerfileInVolume);
          path = OUTSIDE_DOCKERFILE;
          repack(raw, tar, DockerIgnore.parse(ignore == null ? "" : ignore), path, text);
        }
        if (text == null) {
          throw new SourceException(
              "failed to read the Dockerfile: /workspace/"
                  + dockerfileInVolume
                  + " does not exist");
        }
        return new BuildContext(tar, path, text, "");
      } finally {
        Files.deleteIfExists(raw);
      }
    } catch (IOException | EngineException | RuntimeException e) {
      Files.deleteIfExists(tar);
      throw e;
    }
  }

  /**
   * The bytes of a file of the workspace, named as the step names files: relative to its working
   * directory {@code workdir}, or absolute under {@code /workspace}.
   */
  static byte[] workspaceFile(StepEnvironment env, String workdir, String path)
      throws IOException, SourceException {
    String inVolume = join(inWorkspace(workdir), path);
    String name = inVolume.substring(inVolume.lastIndexOf('/') + 1);
    try (InputStream in = env.workspace().archive(inVolume)) {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile() && entry.getName().equals(name)) {
          return tar.readAllBytes();
        }
      }
    } catch (EngineException e) {
      // Reported below as a missing file, as docker build reports it.
    }
    throw new SourceException("the file /workspace/" + inVolume + " does not exist");
  }

  InputStream stream() throws IOException {
    return Files.newInputStream(tar);
  }

  String dockerfilePath() {
    return dockerfilePath;
  }

  String dockerfileText() {
    return dockerfileText;
  }

  String gitCommit() {
    return gitCommit;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(tar);
  }

  /** The step directory relative to the workspace volume; outside it there is no context. */
  private static String inWorkspace(String workdir) throws SourceException {
    if (workdir.equals("/workspace")) {
      return "";
    }
    if (workdir.startsWith("/workspace/")) {
      return workdir.substring("/workspace/".length());
    }
    throw new SourceException(
        "a build step's local context must be in /workspace; its working directory is " + workdir);
  }

  private static String join(String base, String path) throws SourceException {
    if (path.startsWith("/")) {
      if (path.equals("/workspace") || path.startsWith("/workspace/")) {
        return clean(path.substring("/workspace".length()));
      }
      throw new SourceException("the build context " + path + " is outside /workspace");
    }
    return clean(base + "/" + path);
  }

  /** A cleaned relative path; "" for the root; an escape above the root is an error. */
  static String clean(String path) throws SourceException {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new SourceException("the path " + path + " leaves /workspace");
        }
        parts.removeLast();
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  /** {@code path} relative to {@code folder}, or null when it lies outside it. */
  private static String relativeTo(String folder, String path) {
    if (folder.isEmpty()) {
      return path;
    }
    return path.startsWith(folder + "/") ? path.substring(folder.length() + 1) : null;
  }

  private static String volumeFile(StepEnvironment env, String path)
      throws IOException, EngineException {
    // The archive of a single file holds that file under its own name, with no folder above it.
    try (InputStream in = env.workspace().archive(path)) {
      return entryText(in, 0, path.substring(path.lastIndexOf('/') + 1));
    } catch (EngineException e) {
      return null;
    }
  }

  /** Copies the downloaded tar without its top folder, leaving out what .dockerignore excludes. */
  private static void repack(
      Path raw, Path target, DockerIgnore ignore, String dockerfile, String extraDockerfile)
      throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(raw));
        OutputStream file = Files.newOutputStream(target);
        TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = stripTop(entry.getName());
        if (name.isEmpty()) {
          continue;
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        boolean always = path.equals(dockerfile) || path.equals(".dockerignore");
        if (!always && ignore.excludes(path)) {
          continue;
        }
        entry.setName(name);
        out.putArchiveEntry(entry);
        if (entry.isFile()) {
          in.transferTo(out);
        }
        out.closeArchiveEntry();
      }
      if (extraDockerfile != null) {
        byte[] bytes = extraDockerfile.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(OUTSIDE_DOCKERFILE);
        entry.setSize(bytes.length);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
      }
    }
  }

  private static String stripTop(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(slash + 1);
  }

  private static String entryText(Path tar, String name) throws IOException {
    try (InputStream in = Files.newInputStream(tar)) {
      return entryText(in, 0, name);
    }
  }

  private static String entryText(Path tar, int strip, String name) throws IOException {
    try (InputStream in = Files.newInputStream(tar)) {
      return entryText(in, strip, name);
    }
  }

  /** The text of one file of a tar stream (after {@code strip} top folders), or null. */
  private static String entryText(InputStream raw, int strip, String name) throws IOException {
    TarArchiveInputStream in = new TarArchiveInputStream(raw);
    for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
      String entryName = strip == 0 ? entry.getName() : stripTop(entry.getName());
      if (entryName.startsWith("./")) {
        entryName = entryName.substring(2);
      }
      if (entry.isFile() && entryName.equals(name)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
