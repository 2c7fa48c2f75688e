package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged distribution ({@code bin/wharf} + {@code lib/}) as users do. */
class DistributionIT {

  private static final Path DIST = Path.of(System.getProperty("wharf.dist", "target/missing"));

  @TempDir Path temp;

  private static String run(String... args) throws IOException, InterruptedException {
    return run(new ProcessBuilder(), args);
  }

  private static String run(ProcessBuilder builder, String... args)
      throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = DIST.resolve("bin/wharf").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = builder.command(command).redirectErrorStream(true).start();
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

  @Test
  void taskCommands_loadNeitherJacksonNorDockerJavaNorTheServer() throws Exception {
    Files.writeString(
        temp.resolve("acb.yaml"),
        "version: v1.1.0\nsteps:\n  - build: -t app:{{.Run.ID}} .\n  - cmd: app:{{.Run.ID}}\n");
    Path classes = temp.resolve("classes.log");
    for (String command : new String[] {"render", "validate", "inspect"}) {
      ProcessBuilder builder = new ProcessBuilder().directory(temp.toFile());
      builder.environment().put("WHARF_JAVA_OPTS", "-Xlog:class+load:file=" + classes);
      run(builder, command, "-f", "acb.yaml", "--id", "x");
      String loaded = Files.readString(classes);
      assertThat(loaded).as(command).contains("dev.wharf.template.render.TaskRenderer");
      assertThat(loaded)
          .as(command)
          .doesNotContain("com.fasterxml.jackson", "com.github.dockerjava", "dev.wharf.server");
    }
  }
}
