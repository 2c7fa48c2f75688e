package dev.wharf.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code wharf task} client command: talks to the server of {@code --server} / {@code
 * WHARF_SERVER} and prints a table for people or JSON for scripts. Bad input exits 2, a server that
 * cannot be reached or refuses the request exits 3.
 */
abstract class ServiceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ServerConnection connection = new ServerConnection();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default) or json.")
  String output = "table";

  @Override
  public final Integer call() {
    return ServerSession.call(this);
  }

  abstract int run(ServerSession server) throws BadInputException, InterruptedException;

  boolean json() {
    return output.equals("json");
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
