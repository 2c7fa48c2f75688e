package dev.wharf.engine.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar archives for tests, including malformed and malicious ones. */
public final class Tarballs {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  public Tarballs() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  public Tarballs file(String name, String text, int mode) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    // preserveAbsolutePath keeps names such as "/etc/x" exactly as given
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(data.length);
    entry.setMode(mode);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
    return this;
  }

  public Tarballs dir(String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
    entry.setMode(0755);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    return this;
  }

  public Tarballs symlink(String name, String target) throws IOException {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  Tarballs hardlink(String name, String target) throws IOException {
    return link(name, target, TarConstants.LF_LINK);
  }

  private Tarballs link(String name, String target, byte type) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
    entry.setLinkName(target);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    return this;
  }

  public byte[] bytes() throws IOException {
    tar.finish();
    return bytes.toByteArray();
  }

  public static byte[] compress(byte[] data, IoFunction<OutputStream, OutputStream> wrap)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream compressed = wrap.apply(out)) {
      compressed.write(data);
    }
    return out.toByteArray();
  }

  /** A function that may throw IOException. */
  public interface IoFunction<A, B> {
    B apply(A a) throws IOException;
  }
}
