package dev.wharf.engine.source;

import dev.wharf.task.docker.ContextKind;
import dev.wharf.task.docker.ContextSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A run's source context (local folder, git repository, HTTP tarball or {@code /dev/null}), written
 * as the tar stream that becomes the run's {@code /workspace}.
 */
public interface SourceContext {

  /**
   * Opens the context its location names, classified once by {@link ContextSpec#parse}: {@code
   * /dev/null}; a git URL ({@code https://…/repo.git#ref:folder}, {@code file://…/repo.git}, {@code
   * git://}, {@code github.com/…}, Azure Repos); any other {@code http(s)} URL is a tarball;
   * anything else is a local folder.
   *
   * @throws SourceException when the location is an unsupported kind or a missing folder
   */
  static SourceContext of(String location, SourceOptions options) throws SourceException {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(options, "options");
    ContextSpec context = ContextSpec.parse(location);
    boolean onThisDisk = location.startsWith("file:") || context.kind() == ContextKind.LOCAL;
    if (!options.localContexts() && onThisDisk) {
      throw new SourceException(
          "the context "
              + ContextUrl.shown(location)
              + " is on the server's own disk, which a server does not read; upload a local"
              + " folder from the client, or use a git or tarball URL");
    }
    switch (context.kind()) {
      case NONE:
        return new EmptySource(options);
      case GIT:
        GitLocation git = GitLocation.parse(location, options.gitToken());
        if (git.remote().startsWith("git@") || git.remote().startsWith("ssh://")) {
          // JGit's core has no SSH transport; saying so beats an obscure transport error later.
          throw new SourceException(
              "SSH git URLs are not supported: "
                  + git.description()
                  + "; use an https:// URL with --git-token");
        }
        return new GitSource(git, options);
      case URL:
        return new TarballSource(location, options, Duration.ofSeconds(1));
      case OCI:
        throw new SourceException(
            "registry artifact contexts (oci://) are not supported: " + location);
      case LOCAL:
      default:
        break;
    }
    if (location.startsWith("file://")) {
      throw new SourceException(
          "unsupported context " + location + ": file:// URLs must name a git repository (.git)");
    }
    Path folder = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new SourceException("context folder not found: " + location);
    }
    return new LocalFolderSource(folder, options);
  }

  /**
   * Writes the context's content as a tar stream (finished, but the stream is left open) and
   * reports what was written. Git and tarball contexts are fetched into a temporary folder that is
   * removed afterwards.
   *
   * @throws SourceException when the context cannot be obtained; its message holds no credentials
   */
  SourceInfo writeTo(OutputStream tar) throws IOException;
}
