package dev.wharf.server.agent;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte stream a console printer writes, cut into lines for a {@link LogSink}; bytes are decoded
 * only at line ends so a multi-byte character split across writes stays whole.
 */
final class LogLines extends OutputStream {
  private final LogSink sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LogLines(LogSink sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** Sends a last line that has no line break. */
  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    sink.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
