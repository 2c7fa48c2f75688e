package dev.wharf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which server's database a {@code wharf server token} command works on. */
final class ServerDatabase {
  @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data.")
  Path dataDir;

  @Option(names = "--db", paramLabel = "URL", description = "The server's database.")
  String db;
}
