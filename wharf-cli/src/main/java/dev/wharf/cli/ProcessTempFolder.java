package dev.wharf.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every {@code wharf} process keeps its temporary files (context and build archives, fetched
 * contexts, run sockets) in a folder of its own, {@code <tmp>/wharf-<pid>-<start>}: it is removed
 * when the process ends, and the folders of processes that were killed are removed when the next
 * server or agent starts (docs/security.md#faults).
 */
final class ProcessTempFolder {

  private static final Pattern NAME = Pattern.compile("wharf-(\\d+)-(\\d+)");

  private ProcessTempFolder() {}

  /**
   * Makes a folder of this process's own the JVM's temporary folder; called first in {@code main},
   * before anything creates a temporary file (the JDK reads {@code java.io.tmpdir} once).
   */
  static void useOwn() {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    ProcessHandle self = ProcessHandle.current();
    Path own = base.resolve(name(self.pid(), started(self).orElse(Instant.EPOCH)));
    try {
      Files.createDirectories(own);
    } catch (IOException e) {
      return; // the shared temporary folder still works; only the clean-up is lost
    }
    System.setProperty("java.io.tmpdir", own.toString());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(own), "wharf-temp-cleanup"));
  }

  /**
   * Removes the temporary folders in {@code base} of {@code wharf} processes that no longer run.
   *
   * @return how many were removed
   */
  static int removeLeftovers(Path base) {
    int removed = 0;
    try (Stream<Path> entries = Files.list(base)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Matcher m = NAME.matcher(entry.getFileName().toString());
        if (m.matches() && Files.isDirectory(entry) && !running(m.group(1), m.group(2))) {
          delete(entry);
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a temporary folder that cannot be listed leaves nothing of ours to remove
    }
    return removed;
  }

  /** The temporary folder shared by all processes, above this process's own. */
  static Path sharedBase() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path name = tmp.getFileName();
    return name != null && NAME.matcher(name.toString()).matches() ? tmp.getParent() : tmp;
  }

  static String name(long pid, Instant start) {
    return "wharf-" + pid + "-" + start.toEpochMilli();
  }

  private static boolean running(String pid, String start) {
    Optional<ProcessHandle> process;
    try {
      process = ProcessHandle.of(Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return false;
    }
    // the same pid with another start time is another process that reused the number
    return process.isPresent()
        && process.get().isAlive()
        && started(process.get()).map(i -> i.toEpochMilli() == Long.parseLong(start)).orElse(true);
  }

  private static Optional<Instant> started(ProcessHandle process) {
    return process.info().startInstant();
  }

  private static void delete(Path folder) {
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              try {
                Files.deleteIfExists(dir);
              } catch (IOException notEmpty) {
                // something could not be removed; the rest is gone
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // nothing more can be done about it
    }
  }
}
