package dev.wharf.engine.testing;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerOutput;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.OutputFollow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How a container run ended: its exit code and what it wrote to each stream.
 *
 * @param exitCode the exit code; empty when it was still running at the deadline (then killed)
 * @param stdout everything written to stdout, UTF-8
 * @param stderr everything written to stderr, UTF-8
 */
public record Outcome(OptionalInt exitCode, String stdout, String stderr) {

  /** Creates, starts and waits for a container, then removes it. */
  public static Outcome of(ContainerEngine engine, ContainerSpec spec, Duration deadline)
      throws EngineException, InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ContainerOutput sink =
        (stream, bytes) -> {
          synchronized (out) {
            (stream == ContainerOutput.Stream.STDOUT ? out : err).writeBytes(bytes);
          }
        };
    String id = engine.createContainer(spec);
    try {
      try (OutputFollow follow = engine.attachOutput(id, sink)) {
        engine.startContainer(id);
        OptionalInt exit = engine.waitForExit(id, deadline);
        if (exit.isEmpty()) {
          engine.killContainer(id);
        }
        follow.awaitEnd(Duration.ofSeconds(10));
        synchronized (out) {
          return new Outcome(
              exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
      }
    } finally {
      engine.removeContainer(id);
    }
  }
}
