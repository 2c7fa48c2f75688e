package dev.wharf.engine.prepare;

import dev.wharf.task.QuickTask;
import java.nio.file.Path;
import java.util.Objects;

/** Where a run's task comes from: a file in its context, text given whole, a command, a build. */
public sealed interface TaskSource {

  /**
   * A task file in the run's context ({@code acb.yaml} when null).
   *
   * @param fallbackFolder where the file is read when the context has none (the command line's
   *     working folder), or null for nowhere else
   */
  record ContextFile(String path, Path fallbackFolder) implements TaskSource {
    public ContextFile {
      path = path == null || path.isEmpty() ? "acb.yaml" : path;
    }
  }

  /**
   * Task text given whole.
   *
   * @param name the name errors use
   * @param folder the folder an alias file's relative {@code src} paths start from
   */
  record Text(String text, String name, Path folder) implements TaskSource {
    public Text {
      Objects.requireNonNull(text, "text cannot be null");
      Objects.requireNonNull(name, "name cannot be null");
      folder = folder == null ? Path.of("") : folder;
    }
  }

  /** One command run as a task ({@code --cmd}), leading docker run flags allowed. */
  record Command(String command) implements TaskSource {
    public Command {
      Objects.requireNonNull(command, "command cannot be null");
    }
  }

  /** A Dockerfile build and push ({@code wharf build}, a Dockerfile task). */
  record DockerBuild(QuickTask.Build build) implements TaskSource {
    public DockerBuild {
      Objects.requireNonNull(build, "build cannot be null");
    }
  }
}
