package dev.wharf.engine.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
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
 * land outside it: {@code ..} paths, absolute paths, and links pointing out.
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

  private TarExtractor(Path root) throws IOException {
    this.root = root.toRealPath();
  }

  /** Extracts the possibly compressed tar stream into the existing folder. */
  static void extract(InputStream raw, Path target) throws IOException {
    new TarExtractor(target).run(decompress(new BufferedInputStream(raw, 64 * 1024)));
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
          Files.copy(tar, dest, StandardCopyOption.REPLACE_EXISTING);
          finish(dest, entry.getMode(), FileTime.from(entry.getModTime().toInstant()));
        }
      }
    }
    // Folder modes and times last: extracting into them changed their times, and a read-only
    // folder must stay writable until its content is in.
    folderTouches.forEach(Runnable::run);
  }

  /** The real path an entry goes to, its parent folders created; null for the root itself. */
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
    Path lexical = root.resolve(cleaned);
    Files.createDirectories(lexical.getParent());
    Path parent = lexical.getParent().toRealPath();
    if (!parent.startsWith(root)) {
      throw new SourceException(
          FAILED + "entry \"" + name + "\" leads outside the target folder through a link");
    }
    return parent.resolve(lexical.getFileName().toString());
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

  private static void finish(Path path, int mode, FileTime time) {
    try {
      Files.setPosixFilePermissions(path, permissions(mode));
      Files.setLastModifiedTime(path, time);
    } catch (IOException | UnsupportedOperationException e) {
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
}
