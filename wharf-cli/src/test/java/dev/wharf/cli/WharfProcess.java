package dev.wharf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged {@code bin/wharf} started as a process of its own, for tests that stop or kill it.
 *
 * <p>Its temporary folder is one of the test's: a process killed with {@code kill -9} cannot remove
 * its own {@code wharf-<pid>-<start>} folder or run sockets, and with no later server or agent
 * start to remove them they would stay in the machine's temporary folder. JUnit removes the test's.
 */
final class WharfProcess {

  /** The distribution failsafe built ({@code wharf.dist}). */
  static final Path DIST = Path.of(System.getProperty("wharf.dist", "target/missing"));

  private WharfProcess() {}

  /**
   * {@code bin/wharf args}, ready to start, with {@code temp} as its temporary folder; not a folder
   * a run of it packs as its context, or the packing reads its own growing archive.
   */
  static ProcessBuilder builder(Path temp, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(DIST.resolve("bin/wharf").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .put("WHARF_JAVA_OPTS", "-Djava.io.tmpdir=" + Files.createDirectories(temp));
    return builder;
  }
}
