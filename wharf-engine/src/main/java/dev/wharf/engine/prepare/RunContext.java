package dev.wharf.engine.prepare;

import dev.wharf.task.docker.ContextSpec;
import java.nio.file.Path;
import java.util.Objects;

/** A run's sources, classified once from the context string or given as an uploaded archive. */
public sealed interface RunContext {

  /** No sources: {@code /dev/null}. */
  record None() implements RunContext {}

  /** A folder on this machine. */
  record LocalFolder(Path folder) implements RunContext {
    public LocalFolder {
      Objects.requireNonNull(folder, "folder cannot be null");
    }
  }

  /** A tar.gz a client uploaded. */
  record Upload(Path archive) implements RunContext {
    public Upload {
      Objects.requireNonNull(archive, "archive cannot be null");
    }
  }

  /** Fetched from elsewhere: a git URL ({@code #ref:folder}) or a tarball URL. */
  record Remote(String location) implements RunContext {
    public Remote {
      Objects.requireNonNull(location, "location cannot be null");
    }
  }

  /**
   * Classifies a context string (by {@link ContextSpec#parse}); a local folder is resolved against
   * {@code workingFolder}.
   */
  static RunContext of(String context, Path workingFolder) {
    ContextSpec spec = ContextSpec.parse(context == null ? ContextSpec.NONE : context);
    return switch (spec.kind()) {
      case NONE -> new None();
      case LOCAL -> new LocalFolder(workingFolder.resolve(context).normalize());
      case GIT, URL, OCI -> new Remote(context);
    };
  }
}
