package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged distribution ({@code bin/wharf} + {@code lib/}) as users do. */
class DistributionIT {

  private static final Path DIST = Path.of(System.getProperty("wharf.dist", "target/missing"));

  private static String run(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = DIST.resolve("bin/wharf").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void launcher_runsAndCreatesItsClassDataArchive() throws Exception {
    assertThat(Files.isExecutable(DIST.resolve("bin/wharf"))).isTrue();
    assertThat(run("--version")).startsWith("wharf ");
    assertThat(run("--help")).contains("Usage: wharf");
    assertThat(DIST.resolve("lib/wharf.jsa")).exists();
  }
}
