package dev.wharf.engine.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a folder as a deterministic tar stream: entries in name order, mode bits and modification
 * times kept, owner root, symbolic links stored as links and never followed.
 */
public final class ContextPacker {

  private static final Set<String> VCS_FOLDERS = Set.of(".git", ".hg", ".svn", ".bzr");
  private static final int TYPE_MASK = 0170000;
  private static final int PERMISSIONS = 07777;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;

  private final DockerIgnore ignore;
  private final Set<String> alwaysSent;
  private final boolean dropVcs;

  private ContextPacker(DockerIgnore ignore, Set<String> alwaysSent, boolean dropVcs) {
    this.ignore = ignore;
    this.alwaysSent = alwaysSent;
    this.dropVcs = dropVcs;
  }

  /**
   * A packer for a local folder: it honours the ignore rules except for the always-sent paths
   * (slash-separated, relative to the folder) and drops version-control folders.
   */
  public static ContextPacker forLocalFolder(DockerIgnore ignore, Set<String> alwaysSent) {
    Set<String> cleaned = new HashSet<>();
    for (String path : alwaysSent) {
      cleaned.add(SlashPath.clean(path));
    }
    return new ContextPacker(ignore, Set.copyOf(cleaned), true);
  }

  /** A packer that sends everything, for fetched git checkouts and extracted archives. */
  public static ContextPacker everything() {
    return new ContextPacker(DockerIgnore.none(), Set.of(), false);
  }

  /**
   * Writes the folder's content as a tar stream, finishing the archive but leaving the output open.
   *
   * @return the number of entries written
   */
  public int pack(Path folder, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    Walk walk = new Walk(tar);
    walk.folder(folder, "");
    tar.finish();
    tar.flush();
    return walk.written;
  }

  /** One packing pass; excluded folders wait in {@code pending} until something inside is sent. */
  private final class Walk {
    private final TarArchiveOutputStream tar;
    private final List<Entry> pending = new ArrayList<>();
    private int written;

    Walk(TarArchiveOutputStream tar) {
      this.tar = tar;
    }

    void folder(Path dir, String rel) throws IOException {
      for (Path child : sortedChildren(dir)) {
        String name = child.getFileName().toString();
        if (dropVcs && VCS_FOLDERS.contains(name)) {
          continue;
        }
        String childRel = rel.isEmpty() ? name : rel + "/" + name;
        Entry entry = Entry.read(child, childRel);
        boolean excluded = !alwaysSent.contains(childRel) && ignore.excludes(childRel);
        if (entry.isDirectory()) {
          if (!excluded) {
            flushPending();
            write(entry);
            folder(child, childRel);
          } else if (ignore.mayReinclude(childRel) || holdsAlwaysSent(childRel)) {
            pending.add(entry);
            folder(child, childRel);
            if (!pending.isEmpty() && isSame(pending.get(pending.size() - 1), entry)) {
              pending.remove(pending.size() - 1);
            }
          }
        } else if (!excluded && (entry.isRegular() || entry.isSymlink())) {
          flushPending();
          write(entry);
        }
      }
    }

    private boolean holdsAlwaysSent(String dirRel) {
      String prefix = dirRel + "/";
      for (String path : alwaysSent) {
        if (path.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }

    private void flushPending() throws IOException {
      for (Entry entry : pending) {
        write(entry);
      }
      pending.clear();
    }

    private void write(Entry entry) throws IOException {
      TarArchiveEntry tarEntry;
      if (entry.isDirectory()) {
        tarEntry = new TarArchiveEntry(entry.rel + "/", TarConstants.LF_DIR);
      } else if (entry.isSymlink()) {
        tarEntry = new TarArchiveEntry(entry.rel, TarConstants.LF_SYMLINK);
        tarEntry.setLinkName(Files.readSymbolicLink(entry.path).toString());
      } else {
        tarEntry = new TarArchiveEntry(entry.rel, TarConstants.LF_NORMAL);
        tarEntry.setSize(entry.size);
      }
      tarEntry.setMode(entry.mode & PERMISSIONS);
      tarEntry.setModTime(entry.modified);
      tarEntry.setIds(0, 0);
      tarEntry.setUserName("");
      tarEntry.setGroupName("");
      tar.putArchiveEntry(tarEntry);
      if (entry.isRegular()) {
        long copied = Files.copy(entry.path, tar);
        if (copied != entry.size) {
          throw new IOException("file changed while packing: " + entry.rel);
        }
      }
      tar.closeArchiveEntry();
      written++;
    }
  }

  private static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return children;
  }

  /** A file's attributes read once, without following links. */
  private record Entry(Path path, String rel, int mode, long size, FileTime modified) {

    static Entry read(Path path, String rel) throws IOException {
      PosixFileAttributes attrs =
          Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      int type =
          attrs.isDirectory()
              ? DIRECTORY
              : attrs.isSymbolicLink() ? SYMLINK : attrs.isRegularFile() ? REGULAR : 0;
      int permissions = 0;
      for (PosixFilePermission permission : attrs.permissions()) {
        permissions |= 0400 >> permission.ordinal();
      }
      return new Entry(path, rel, type | permissions, attrs.size(), attrs.lastModifiedTime());
    }

    boolean isDirectory() {
      return (mode & TYPE_MASK) == DIRECTORY;
    }

    boolean isRegular() {
      return (mode & TYPE_MASK) == REGULAR;
    }

    boolean isSymlink() {
      return (mode & TYPE_MASK) == SYMLINK;
    }
  }

  // The very entry this folder added, not an equal one.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isSame(Object a, Object b) {
    return a == b;
  }
}
