package dev.wharf.engine.source;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The {@code /dev/null} context: an empty workspace. */
final class EmptySource implements SourceContext {

  private final SourceOptions options;

  EmptySource(SourceOptions options) {
    this.options = options;
  }

  @Override
  public SourceInfo writeTo(OutputStream tar) throws IOException {
    TarArchiveOutputStream empty = new TarArchiveOutputStream(tar);
    empty.finish();
    empty.flush();
    return new SourceInfo(options.commit(), options.branch(), "/dev/null");
  }
}
