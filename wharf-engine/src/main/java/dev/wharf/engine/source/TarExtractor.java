package dev.wharf.engine.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Extracts a plain, gzip, bzip2, xz or zstd tar stream into a folder, refusing any entry that would
 * land outside it: {@code ..} paths, absolute paths, links pointing out, and entries whose parent
 * folders lead out through a link. Nothing is written, created or changed outside the folder: each
 * parent is resolved before anything is written, and modes and times are set without following
 * links. The content is bounded by {@link ExtractionLimits}.
 */
final class TarExtractor {

  private static final String FAILED = "failed to untar context: ";
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  private final Path root;
  private final ExtractionLimits limits;
  private final CountingStream compressed;
  private long expanded;
  private int entries;

  private TarExtractor(Path root, ExtractionLimits limits, CountingStream compressed)
      throws IOException {
    this.root = root.toRealPath();
    this.limits = limits;
    this.compressed = compressed;
  }

  /** Extracts the possibly compressed tar stream into the existing folder, within the defaults. */
  static void extract(InputStream raw, Path target) throws IOException {
    extract(raw, target, ExtractionLimits.defaults());
  }

  /**
   * Extracts the possibly compressed tar stream into the existing folder, within {@code limits}.
   */
  static void extract(InputStream raw, Path target, ExtractionLimits limits) throws IOException {
    CountingStream counted = new CountingStream(raw);
    new TarExtractor(target, limits, counted)
        .run(decompress(new BufferedInputStream(counted, 64 * 1024)));
  }

  private static InputStream decompress(BufferedInputStream in) throws IOException {
    String format;
    try {
      format = CompressorStreamFactory.detect(in);
    } catch (CompressorException e) {
      return in;
    }
    switch (format) {
      case CompressorStreamFactory.GZIP,
          CompressorStreamFactory.BZIP2,
          CompressorStreamFactory.XZ,
          CompressorStreamFactory.ZSTANDARD -> {}
      default -> throw new SourceException(FAILED + "unsupported compression: " + format);
    }
    try {
      return new BufferedInputStream(
          new CompressorStreamFactory().createCompressorInputStream(format, in, true), 64 * 1024);
    } catch (CompressorException e) {
      throw new SourceException(FAILED + e.getMessage());
    }
  }

  private void run(InputStream in) throws IOException {
    try {
      if (!ArchiveStreamFactory.TAR.equals(ArchiveStreamFactory.detect(in))) {
        throw new SourceException(FAILED + "the content is not a tar archive");
      }
    } catch (ArchiveException e) {
      if (e.getCause() instanceof IOException broken) {
        throw broken;
      }
      throw new SourceException(FAILED + "the content is not a tar archive");
    }
    List<Runnable> folderTouches = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (++entries > limits.maxEntries()) {
          throw new SourceException(
              FAILED
                  + "the archive has more than "
                  + limits.maxEntries()
                  + " entries, the limit for a context");
        }
        Path dest = destination(entry.getName());
        if (dest == null) {
          continue;
        }
        if (entry.isDirectory()) {
          if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(dest);
            Files.createDirectory(dest);
          }
          int mode = entry.getMode();
          FileTime time = FileTime.from(entry.getModTime().toInstant());
          folderTouches.add(0, () -> finish(dest, mode, time));
        } else if (entry.isSymbolicLink()) {
          writeLink(entry, dest);
        } else if (entry.isLink()) {
          writeHardLink(entry, dest);
        } else if (entry.isFile()) {
          writeFile(tar, entry.getName(), dest);
          finish(dest, entry.getMode(), FileTime.from(entry.getModTime().toInstant()));
        }
      }
    }
    // Folder modes and times last: extracting into them changed their times, and a read-only
    // folder must stay writable until its content is in.
    folderTouches.forEach(Runnable::run);
  }

  /**
   * The path an entry goes to, below parent folders that are real folders inside the root (created
   * when missing); null for the root itself. A parent that is a link is followed only when the
   * folder it leads to is inside the root; nothing is created before that is known.
   */
  private Path destination(String name) throws IOException {
    if (name.startsWith("/")) {
      throw new SourceException(FAILED + "entry \"" + name + "\" has an absolute path");
    }
    String cleaned = SlashPath.clean(name);
    if (SlashPath.escapes(cleaned)) {
      throw new SourceException(FAILED + "entry \"" + name + "\" is outside the target folder");
    }
    if (cleaned.equals(".")) {
      return null;
    }
    String[] parts = cleaned.split("/");
    Path folder = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Path next = folder.resolve(parts[i]);
      if (Files.isSymbolicLink(next)) {
        Path real;
        try {
          real = next.toRealPath();
        } catch (IOException e) {
          real = null;
        }
        if (real == null || !real.startsWith(root) || !Files.isDirectory(real)) {
          throw new SourceException(
              FAILED + "entry \"" + name + "\" leads outside the target folder through a link");
        }
        folder = real;
      } else if (Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
        folder = next;
      } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        throw new SourceException(
            FAILED
                + "entry \""
                + name
                + "\" is inside \""
                + parts[i]
                + "\", which is not a folder");
      } else {
        Files.createDirectory(next);
        folder = next;
      }
    }
    return folder.resolve(parts[parts.length - 1]);
  }

  private void writeFile(InputStream tar, String name, Path dest) throws IOException {
    // Replace a link of the same name rather than write through it.
    Files.deleteIfExists(dest);
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out =
        Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = tar.read(buffer)) > 0) {
        expanded += n;
        checkSize(name);
        out.write(buffer, 0, n);
      }
    }
  }

  private void checkSize(String name) throws SourceException {
    if (expanded > limits.maxBytes()) {
      throw new SourceException(
          FAILED
              + "the archive expands to more than "
              + limits.maxBytes()
              + " bytes, the limit for a context (at entry \""
              + name
              + "\")");
    }
    if (expanded > ExtractionLimits.RATIO_FLOOR
        && expanded > (long) limits.maxRatio() * Math.max(1, compressed.count())) {
      throw new SourceException(
          FAILED
              + "the archive expands more than "
              + limits.maxRatio()
              + " times its compressed size, the limit for a context (at entry \""
              + name
              + "\")");
    }
  }

  private void writeLink(TarArchiveEntry entry, Path dest) throws IOException {
    String target = entry.getLinkName();
    if (target.startsWith("/") || !dest.getParent().resolve(target).normalize().startsWith(root)) {
      throw new SourceException(
          FAILED
              + "symbolic link \""
              + entry.getName()
              + "\" points outside the target folder: "
              + target);
    }
    Files.deleteIfExists(dest);
    Files.createSymbolicLink(dest, Path.of(target));
  }

  private void writeHardLink(TarArchiveEntry entry, Path dest) throws IOException {
    String target = SlashPath.clean(entry.getLinkName());
    if (entry.getLinkName().startsWith("/") || SlashPath.escapes(target)) {
      throw new SourceException(
          FAILED
              + "hard link \""
              + entry.getName()
              + "\" points outside the target folder: "
              + entry.getLinkName());
    }
    Path source = destination(target);
    if (source == null || !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new SourceException(
          FAILED + "hard link \"" + entry.getName() + "\" points to a missing entry: " + target);
    }
    Files.deleteIfExists(dest);
    Files.createLink(dest, source);
  }

  /** Sets mode and time of a file or folder, never of what a link (put there since) points at. */
  private static void finish(Path path, int mode, FileTime time) {
    try {
      if (Files.isSymbolicLink(path)) {
        return;
      }
      Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(permissions(mode));
      Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(time, null, null);
    } catch (IOException | UnsupportedOperationException | NullPointerException e) {
      // Modes and times are best effort: the content is what the run needs.
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(BITS[bit]);
      }
    }
    return set;
  }

  /** Counts the bytes of the archive as it arrives, for the compression ratio. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
