package dev.wharf.engine.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses a gzip stream within {@link ExtractionLimits}, as an archive context is extracted:
 * an uploaded context that expands past the content limit, or more than the ratio times its
 * compressed size, is refused while it is decompressed, before it can fill the disk.
 */
public final class BoundedGunzip {

  private BoundedGunzip() {}

  /**
   * Copies the decompressed {@code gzip} to {@code out}.
   *
   * @param what the archive in messages, e.g. "the uploaded context"
   * @throws SourceException when a limit is passed or the stream is not gzip
   */
  public static void copy(InputStream gzip, OutputStream out, ExtractionLimits limits, String what)
      throws IOException {
    long[] compressed = {0};
    InputStream counted =
        new BufferedInputStream(
            new java.io.FilterInputStream(gzip) {
              @Override
              public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                  compressed[0]++;
                }
                return b;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                  compressed[0] += n;
                }
                return n;
              }
            },
            64 * 1024);
    InputStream in;
    try {
      in = new GZIPInputStream(counted, 64 * 1024);
    } catch (java.util.zip.ZipException e) {
      throw new SourceException("failed to read " + what + ": it is not a gzip archive");
    }
    byte[] buffer = new byte[64 * 1024];
    long expanded = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      expanded += n;
      if (expanded > limits.maxBytes()) {
        throw new SourceException(
            "failed to read "
                + what
                + ": it expands to more than "
                + limits.maxBytes()
                + " bytes, the limit for a context");
      }
      if (expanded > ExtractionLimits.RATIO_FLOOR
          && expanded > (long) limits.maxRatio() * Math.max(1, compressed[0])) {
        throw new SourceException(
            "failed to read "
                + what
                + ": it expands more than "
                + limits.maxRatio()
                + " times its compressed size, the limit for a context");
      }
      out.write(buffer, 0, n);
    }
  }
}
