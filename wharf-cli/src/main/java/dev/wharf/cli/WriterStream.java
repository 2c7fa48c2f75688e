package dev.wharf.cli;

import dev.wharf.engine.output.Utf8Boundary;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} over a command's {@link PrintWriter}, for printers that take streams, so
 * that in-process callers (tests) capture run output like any other command's.
 */
final class WriterStream extends OutputStream {

  private final PrintWriter writer;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private WriterStream(PrintWriter writer) {
    this.writer = writer;
  }

  static PrintStream of(PrintWriter writer) {
    return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      flush();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    line.write(b, off, len);
    flush();
  }

  @Override
  public synchronized void flush() {
    byte[] bytes = line.toByteArray();
    int complete = Utf8Boundary.completeLength(bytes); // keep a cut character for later
    writer.write(new String(bytes, 0, complete, StandardCharsets.UTF_8));
    writer.flush();
    line.reset();
    line.write(bytes, complete, bytes.length - complete);
  }
}
