package dev.wharf.engine.step;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.StepContext;
import dev.wharf.engine.container.ContainerOutput;
import dev.wharf.engine.output.Utf8Boundary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a container's output chunks into text for the step's log, never splitting a UTF-8 character
 * that the engine delivered across two chunks.
 */
final class OutputDecoder implements ContainerOutput {

  private final StepContext context;
  private final Map<Stream, ByteArrayOutputStream> pending = new EnumMap<>(Stream.class);
  private volatile long received;

  OutputDecoder(StepContext context) {
    this.context = context;
  }

  @Override
  public synchronized void accept(Stream stream, byte[] bytes) {
    received += bytes.length;
    ByteArrayOutputStream buffer =
        pending.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
    buffer.writeBytes(bytes);
    byte[] all = buffer.toByteArray();
    int complete = Utf8Boundary.completeLength(all);
    buffer.reset();
    buffer.write(all, complete, all.length - complete);
    if (complete > 0) {
      context.output(target(stream), new String(all, 0, complete, StandardCharsets.UTF_8));
    }
  }

  /** The bytes of output received so far. */
  long received() {
    return received;
  }

  /** Delivers whatever is left (an incomplete character as the replacement character). */
  synchronized void flush() {
    for (Map.Entry<Stream, ByteArrayOutputStream> e : pending.entrySet()) {
      if (e.getValue().size() > 0) {
        context.output(target(e.getKey()), e.getValue().toString(StandardCharsets.UTF_8));
        e.getValue().reset();
      }
    }
  }

  private static RunEvent.Stream target(Stream stream) {
    return stream == Stream.STDOUT ? RunEvent.Stream.STDOUT : RunEvent.Stream.STDERR;
  }
}
