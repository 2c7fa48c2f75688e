package dev.wharf.engine.prepare;

import dev.wharf.engine.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Adds a file to a packed context (a tar file), replacing an entry of the same name. */
final class ContextTar {

  private ContextTar() {}

  static void append(Path tar, String name, byte[] content) throws IOException {
    Path copy = TempFiles.file("wharf-context", ".tar");
    try {
      try (InputStream raw = Files.newInputStream(tar);
          TarArchiveInputStream in = new TarArchiveInputStream(raw);
          OutputStream file = Files.newOutputStream(copy);
          TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().replaceFirst("^\\./", "").equals(name)) {
            continue;
          }
          out.putArchiveEntry(e);
          if (e.isFile()) {
            in.transferTo(out);
          }
          out.closeArchiveEntry();
        }
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0644);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
      }
      Files.move(copy, tar, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
