package dev.wharf.engine.step;

import dev.wharf.engine.TempFiles;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Where build steps read files of {@code /workspace}: the run's workspace volume, through the
 * engine's archive API; or, in a run whose steps run no container and so get no workspace volume
 * (docs/behaviour.md#run-resources), the packed context that the volume would have held, which
 * nothing can have changed.
 */
public abstract class WorkspaceFiles {
  /** The most symbolic links one path may pass through (Linux's own limit). */
  private static final int MAX_LINKS = 40;

  /** Opens the packed context (a tar stream, entries relative to its root). */
  @FunctionalInterface
  public interface Packed {
    InputStream open() throws IOException;
  }

  private WorkspaceFiles() {}

  /** The files of the run's workspace volume. */
  public static WorkspaceFiles volume(ContainerEngine engine, String volume) {
    return new WorkspaceFiles() {
      @Override
      public InputStream archive(String path) throws EngineException {
        return engine.downloadFromVolume(volume, path);
      }
    };
  }

  /** The files of the packed context, for a run that has no workspace volume. */
  public static WorkspaceFiles packed(Packed packed) {
    return new WorkspaceFiles() {
      @Override
      public InputStream archive(String path) throws IOException, EngineException {
        return extract(packed, path);
      }
    };
  }

  /**
   * A tar stream of {@code path} (relative to {@code /workspace}, "" for all of it) as the engine's
   * archive API gives it: a file under its own name, a folder under its own name with everything in
   * it. A path that does not exist is an {@link EngineException}, as the engine reports it.
   */
  public abstract InputStream archive(String path) throws IOException, EngineException;

  private static InputStream extract(Packed packed, String path)
      throws IOException, EngineException {
    String wanted = normalise(path);
    String top = wanted.isEmpty() ? "workspace" : wanted.substring(wanted.lastIndexOf('/') + 1);
    InputStream found = copy(packed, wanted, top);
    if (found == null) {
      String linked = throughLinks(packed, wanted);
      if (!linked.equals(wanted)) {
        found = copy(packed, linked, top);
      }
    }
    if (found == null) {
      throw new EngineException(
          "copy /" + wanted + " out of the workspace", "no such file or directory");
    }
    return found;
  }

  /**
   * {@code path} with its folders that are symbolic links in the packed context replaced by what
   * they point at, as the engine follows them when it copies out of a volume. Only relative links
   * inside the context are followed, and not a link that is the last part of the path (the engine
   * copies such a link as a link).
   */
  private static String throughLinks(Packed packed, String path) throws IOException {
    Map<String, String> links = new HashMap<>();
    try (InputStream raw = packed.open();
        TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.isSymbolicLink()) {
          links.put(normalise(entry.getName()), entry.getLinkName());
        }
      }
    }
    Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
    List<String> done = new ArrayList<>();
    for (int hops = 0; !todo.isEmpty(); ) {
      String part = todo.removeFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (done.isEmpty()) {
          return path;
        }
        done.remove(done.size() - 1);
        continue;
      }
      done.add(part);
      String target = links.get(String.join("/", done));
      if (target == null || todo.isEmpty()) {
        continue;
      }
      if (target.startsWith("/") || ++hops > MAX_LINKS) {
        return path;
      }
      done.remove(done.size() - 1);
      List<String> parts = List.of(target.split("/"));
      for (int i = parts.size() - 1; i >= 0; i--) {
        todo.addFirst(parts.get(i));
      }
    }
    return String.join("/", done);
  }

  /**
   * A tar stream of {@code wanted} named {@code top}, or null when the context has no such path.
   */
  private static InputStream copy(Packed packed, String wanted, String top) throws IOException {
    Path copy = TempFiles.file("wharf-workspace", ".tar");
    boolean found = wanted.isEmpty();
    try {
      try (InputStream raw = packed.open();
          TarArchiveInputStream in = new TarArchiveInputStream(raw);
          OutputStream file = Files.newOutputStream(copy);
          TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        if (wanted.isEmpty()) {
          out.putArchiveEntry(new TarArchiveEntry(top + "/", TarConstants.LF_DIR));
          out.closeArchiveEntry();
        }
        for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          String name = normalise(entry.getName());
          String rest;
          if (wanted.isEmpty()) {
            rest = name;
          } else if (name.equals(wanted)) {
            rest = "";
            found = true;
          } else if (name.startsWith(wanted + "/")) {
            rest = name.substring(wanted.length() + 1);
            found = true;
          } else {
            continue;
          }
          if (name.isEmpty()) {
            continue;
          }
          String renamed = rest.isEmpty() ? top : top + "/" + rest;
          out.putArchiveEntry(plain(entry, renamed));
          if (entry.isFile()) {
            in.transferTo(out);
          }
          out.closeArchiveEntry();
        }
      }
      if (!found) {
        Files.deleteIfExists(copy);
        return null;
      }
      return new TempFileStream(copy);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  /**
   * {@code entry} under {@code name} as the engine's archive API writes it: whole-second times and
   * no extended headers, which BuildKit's check for a tar context (the first few hundred bytes)
   * would not get past.
   */
  private static TarArchiveEntry plain(TarArchiveEntry entry, String name) {
    TarArchiveEntry copy;
    if (entry.isDirectory()) {
      copy = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
    } else if (entry.isSymbolicLink() || entry.isLink()) {
      copy =
          new TarArchiveEntry(
              name, entry.isLink() ? TarConstants.LF_LINK : TarConstants.LF_SYMLINK);
      copy.setLinkName(entry.getLinkName());
    } else {
      copy = new TarArchiveEntry(name);
      copy.setSize(entry.getSize());
    }
    copy.setMode(entry.getMode());
    copy.setModTime(
        FileTime.from(entry.getLastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS)));
    return copy;
  }

  /** An entry name without {@code ./} in front or {@code /} at the end. */
  private static String normalise(String name) {
    String clean = name;
    while (clean.startsWith("./")) {
      clean = clean.substring(2);
    }
    while (clean.startsWith("/")) {
      clean = clean.substring(1);
    }
    while (clean.endsWith("/")) {
      clean = clean.substring(0, clean.length() - 1);
    }
    return clean.equals(".") ? "" : clean;
  }

  /** A temporary file's contents; closing the stream deletes the file. */
  private static final class TempFileStream extends java.io.FilterInputStream {
    private final Path file;

    TempFileStream(Path file) throws IOException {
      super(Files.newInputStream(file));
      this.file = file;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
