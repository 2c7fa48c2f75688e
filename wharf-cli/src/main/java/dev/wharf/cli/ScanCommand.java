package dev.wharf.cli;

import dev.wharf.task.docker.DependencyScanner;
import dev.wharf.task.docker.DockerParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf scan}: the base images a Dockerfile depends on, as acb's dependencies JSON. */
@Command(
    name = "scan",
    header = "Print the base images a Dockerfile depends on.",
    description = {
      "Scans a Dockerfile for the images it depends on and prints acb's dependencies JSON"
          + " (runtime and build-time base images per tag) on one line."
    },
    footer = {
      "",
      "Examples:",
      "  wharf scan -f Dockerfile --build-arg BASE=debian -t myreg.io/app:v1 .",
      "",
      "Exit status: 0 scanned, 2 the Dockerfile cannot be read or parsed."
    })
final class ScanCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "DOCKERFILE",
      description = "Dockerfile, relative to the current directory (default: CONTEXT/Dockerfile).")
  String file;

  @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Build argument.")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--target", paramLabel = "STAGE", description = "Stage to build.")
  String target;

  @Option(
      names = {"-t", "--image"},
      paramLabel = "TAG",
      description = "Image the build produces (repeatable).")
  List<String> tags = new ArrayList<>();

  @Parameters(arity = "0..1", paramLabel = "CONTEXT", description = "Build context (default: .).")
  String context = ".";

  @Override
  public Integer call() {
    Path base = main.workingDirectory();
    Path dockerfile =
        file != null ? base.resolve(file) : base.resolve(context).resolve("Dockerfile");
    var err = spec.commandLine().getErr();
    try {
      String text = Files.readString(dockerfile);
      spec.commandLine().getOut().println(DependencyScanner.scan(text, buildArgs, target, tags));
      return 0;
    } catch (NoSuchFileException e) {
      err.println(
          "Error: the Dockerfile " + dockerfile + " does not exist. Give its path with -f.");
    } catch (IOException e) {
      err.println("Error: cannot read the Dockerfile " + dockerfile + ": " + e.getMessage());
    } catch (DockerParseException e) {
      err.println("Error: " + dockerfile.getFileName() + ": " + e.getMessage());
      if (!e.hint().isEmpty()) {
        err.println("Hint: " + e.hint());
      }
    }
    return Main.EXIT_BAD_INPUT;
  }
}
