package dev.wharf.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf help [COMMAND [SUBCOMMAND…]]}: the usage of any command in the tree, and the {@code
 * -h/--help} option that every command gets from {@link #addHelpOptions}.
 */
@Command(
    name = "help",
    helpCommand = true,
    header = "Print the usage of a command.",
    description = "Prints the usage of Wharf or of the command (and subcommand) named.",
    footer = {
      "",
      "Examples:",
      "  wharf help run",
      "  wharf help task create",
      "  wharf task create --help      the same"
    })
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

  @Parameters(paramLabel = "COMMAND", description = "The command, then its subcommands.")
  List<String> path = new ArrayList<>();

  private CommandLine self;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine command = self.getParent();
    for (String name : path) {
      CommandLine sub = command.getSubcommands().get(name);
      if (sub == null) {
        throw new ParameterException(
            self,
            "Unknown command: '"
                + String.join(" ", path)
                + "'; '"
                + command.getCommandSpec().qualifiedName()
                + " --help' lists the commands");
      }
      command = sub;
    }
    command.usage(out);
  }

  /**
   * Gives every command in the tree under {@code root} a {@code -h/--help} option, so that commands
   * added later answer it without declaring it; a command that declares its own keeps it.
   */
  static void addHelpOptions(CommandLine root) {
    if (root.getCommandSpec().optionsMap().get("--help") == null) {
      root.getCommandSpec()
          .addOption(
              OptionSpec.builder("-h", "--help")
                  .usageHelp(true)
                  .description("Show this help message and exit.")
                  .build());
    }
    root.getSubcommands().values().stream().distinct().forEach(HelpCommand::addHelpOptions);
  }
}
