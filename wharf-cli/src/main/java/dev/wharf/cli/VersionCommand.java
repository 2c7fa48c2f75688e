package dev.wharf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wharf version}: the versions of Wharf and the JVM. */
@Command(
    name = "version",
    header = "Print the versions of Wharf and Java.",
    description = "Prints the versions of Wharf and of the Java runtime it runs on.",
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
    return 0;
  }
}
