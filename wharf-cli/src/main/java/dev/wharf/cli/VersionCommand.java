package dev.wharf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wharf version}: the versions of Wharf, the JVM and the Docker engine it reaches. */
@Command(
    name = "version",
    header = "Print the versions of Wharf, Java and the Docker engine.",
    description =
        "Prints the versions of Wharf, of the Java runtime it runs on, and of the Docker engine"
            + " it reaches (DOCKER_HOST, or the local socket); an engine that cannot be reached"
            + " is said so, and the exit status stays 0.",
    footer = {"", "Examples:", "  wharf version"})
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.println("wharf " + Main.version());
    out.println(
        "java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("os.arch")
            + ")");
    out.println(EngineVersion.describe());
    return 0;
  }
}
