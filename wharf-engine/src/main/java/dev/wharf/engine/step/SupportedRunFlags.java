package dev.wharf.engine.step;

import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.FlagValue;
import dev.wharf.task.docker.RunRequest;
import java.util.Set;

/**
 * The leading {@code docker run} flags of a cmd that reach its container; any other is refused
 * rather than dropped (docs/behaviour.md#cmd-strings: an unknown flag is a clear error).
 */
final class SupportedRunFlags {
  /**
   * {@code --rm}, {@code --name}, {@code -i} and {@code -t} change nothing here: every container is
   * removed, named after its run and step, and has no terminal.
   */
  static final Set<String> NAMES =
      Set.of(
          "env",
          "user",
          "workdir",
          "entrypoint",
          "network",
          "volume",
          "privileged",
          "publish",
          "expose",
          "cpus",
          "isolation",
          "add-host",
          "detach",
          "rm",
          "name",
          "interactive",
          "tty");

  private SupportedRunFlags() {}

  static void check(String stepId, RunRequest run) throws DockerParseException {
    for (FlagValue flag : run.flags()) {
      if (!NAMES.contains(flag.name())) {
        throw new DockerParseException(
            "cmd of step "
                + stepId
                + ": the docker run flag --"
                + flag.name()
                + " is not supported by Wharf",
            "flags Wharf applies before the image: --"
                + String.join(", --", NAMES.stream().sorted().toList()));
      }
    }
  }
}
