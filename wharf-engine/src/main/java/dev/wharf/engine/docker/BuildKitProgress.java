package dev.wharf.engine.docker;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns BuildKit's status messages (the {@code moby.buildkit.trace} progress of a BuildKit build,
 * each a protobuf {@code StatusResponse}) into the lines {@code docker build --progress=plain}
 * prints: {@code #3 [2/4] RUN make}, the step's output as {@code #3 <line>}, {@code #3 CACHED},
 * {@code #3 DONE 1.2s} and {@code #3 ERROR: …}, without plain's elapsed-time column so that the
 * same build logs the same lines (docs/buildkit.md#logs).
 */
final class BuildKitProgress {

  private final Consumer<String> lines;
  private final Map<String, Vertex> vertexes = new HashMap<>();
  private final Set<String> statusesDone = new HashSet<>();

  private static final class Vertex {
    final int number;
    boolean announced;
    boolean cached;
    boolean done;
    boolean failed;
    final StringBuilder partial = new StringBuilder();

    Vertex(int number) {
      this.number = number;
    }
  }

  BuildKitProgress(Consumer<String> lines) {
    this.lines = lines;
  }

  /** Reads one {@code StatusResponse}: vertexes (1), statuses (2) and logs (3). */
  void accept(byte[] statusResponse) {
    Protobuf.Reader message = new Protobuf.Reader(statusResponse);
    while (message.next()) {
      switch (message.field()) {
        case 1 -> vertex(message.message());
        case 2 -> status(message.message());
        case 3 -> log(message.message());
        default -> message.skip();
      }
    }
  }

  /** Prints what is left of unterminated output lines. */
  void finish() {
    vertexes.values().forEach(this::flush);
  }

  // Vertex: digest 1, inputs 2, name 3, cached 4, started 5, completed 6, error 7.
  private void vertex(Protobuf.Reader m) {
    String digest = "";
    String name = "";
    boolean cached = false;
    long started = -1;
    long completed = -1;
    String error = "";
    while (m.next()) {
      switch (m.field()) {
        case 1 -> digest = m.string();
        case 3 -> name = m.string();
        case 4 -> cached = m.varint() != 0;
        case 5 -> started = nanos(m.message());
        case 6 -> completed = nanos(m.message());
        case 7 -> error = m.string();
        default -> m.skip();
      }
    }
    Vertex v = vertex(digest);
    if (!v.announced && (started >= 0 || cached || !error.isEmpty())) {
      v.announced = true;
      emit(v, name);
    }
    if (cached && !v.cached) {
      v.cached = true;
      emit(v, "CACHED");
    }
    if (!error.isEmpty() && !v.failed) {
      v.failed = true;
      flush(v);
      emit(v, "ERROR: " + error);
    } else if (completed >= 0 && !v.done && !v.cached && error.isEmpty()) {
      v.done = true;
      flush(v);
      double seconds = started < 0 ? 0 : (completed - started) / 1e9;
      emit(v, String.format(Locale.ROOT, "DONE %.1fs", seconds));
    }
  }

  // VertexStatus: ID 1, vertex 2, name 3, current 4, total 5, timestamp 6, started 7, completed 8.
  private void status(Protobuf.Reader m) {
    String id = "";
    String vertex = "";
    String name = "";
    boolean completed = false;
    while (m.next()) {
      switch (m.field()) {
        case 1 -> id = m.string();
        case 2 -> vertex = m.string();
        case 3 -> name = m.string();
        case 8 -> {
          m.skip();
          completed = true;
        }
        default -> m.skip();
      }
    }
    // Progress of a pull or an export repeats many times a second; its end is enough.
    if (completed && statusesDone.add(vertex + "\n" + id)) {
      emit(vertex(vertex), (name.isEmpty() ? id : name) + " done");
    }
  }

  // VertexLog: vertex 1, timestamp 2, stream 3, msg 4.
  private void log(Protobuf.Reader m) {
    String vertex = "";
    byte[] msg = new byte[0];
    while (m.next()) {
      switch (m.field()) {
        case 1 -> vertex = m.string();
        case 4 -> msg = m.bytes();
        default -> m.skip();
      }
    }
    Vertex v = vertex(vertex);
    v.partial.append(new String(msg, StandardCharsets.UTF_8));
    int newline;
    while ((newline = v.partial.indexOf("\n")) >= 0) {
      String line = v.partial.substring(0, newline);
      v.partial.delete(0, newline + 1);
      emit(v, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
  }

  private Vertex vertex(String digest) {
    return vertexes.computeIfAbsent(digest, d -> new Vertex(vertexes.size() + 1));
  }

  private void flush(Vertex v) {
    if (v.partial.length() > 0) {
      emit(v, v.partial.toString());
      v.partial.setLength(0);
    }
  }

  private void emit(Vertex v, String text) {
    lines.accept("#" + v.number + " " + text);
  }

  // Timestamp: seconds 1, nanos 2.
  private static long nanos(Protobuf.Reader m) {
    long seconds = 0;
    long nanos = 0;
    while (m.next()) {
      switch (m.field()) {
        case 1 -> seconds = m.varint();
        case 2 -> nanos = m.varint();
        default -> m.skip();
      }
    }
    return seconds * 1_000_000_000L + nanos;
  }
}
