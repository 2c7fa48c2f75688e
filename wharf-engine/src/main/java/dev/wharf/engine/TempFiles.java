package dev.wharf.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates temporary files and folders in {@code java.io.tmpdir} as it is when they are created.
 *
 * <p>The JDK's {@code Files.createTempFile(prefix, suffix)} keeps the folder the JVM started with,
 * so a {@code wharf} process that moves its temporary files into a folder of its own (removed when
 * it ends, or by the next start after a kill: docs/security.md#faults) would still leave them in
 * the shared one.
 */
public final class TempFiles {

  private TempFiles() {}

  /** A new empty file named {@code <prefix><random><suffix>}. */
  public static Path file(String prefix, String suffix) throws IOException {
    return Files.createTempFile(folder(), prefix, suffix);
  }

  /** A new empty folder named {@code <prefix><random>}. */
  public static Path folder(String prefix) throws IOException {
    return Files.createTempDirectory(folder(), prefix);
  }

  private static Path folder() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
