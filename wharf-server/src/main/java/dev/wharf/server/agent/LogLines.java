package dev.wharf.server.agent;

import dev.wharf.engine.output.Utf8Boundary;
import dev.wharf.server.logs.LogHub;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte stream a console printer writes, cut into lines for a {@link LogSink}; bytes are decoded
 * only at line ends so a multi-byte character split across writes stays whole. A line longer than
 * the log stores ({@link LogHub#MAX_LINE_BYTES}) is passed on in pieces marked as the log marks
 * them, so memory stays bounded however long a step's line is.
 */
final class LogLines extends OutputStream {
  private static final int PIECE =
      LogHub.MAX_LINE_BYTES - LogHub.CONTINUED.getBytes(StandardCharsets.UTF_8).length;

  private final LogSink sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private boolean continued;

  LogLines(LogSink sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
      if (line.size() >= PIECE) {
        emitPiece();
      }
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int from = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n' || line.size() + (i - from) >= PIECE - 1) {
        line.write(bytes, from, i - from);
        from = i;
        write(bytes[i]);
        from++;
      }
    }
    line.write(bytes, from, end - from);
  }

  /** Sends a last line that has no line break. */
  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    if (continued && line.size() == 0) {
      continued = false; // the line ended exactly where its last piece did
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    sink.line(continued ? LogHub.CONTINUED + text : text);
    continued = false;
  }

  /** Passes on the complete characters of a line too long to keep whole, and keeps the rest. */
  private void emitPiece() {
    byte[] bytes = line.toByteArray();
    int complete = Utf8Boundary.completeLength(bytes);
    String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
    line.reset();
    line.write(bytes, complete, bytes.length - complete);
    sink.line(continued ? LogHub.CONTINUED + text : text);
    continued = true;
  }
}
