package dev.wharf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wharf} command: runs ACR multi-step task files on your own machines. */
@Command(
    name = "wharf",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs Azure Container Registry multi-step task files (acb.yaml) unchanged, on a local"
          + " Docker engine or through a Wharf server.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  wharf run -f acb.yaml .            run a task, the current folder as context",
      "  wharf validate -f acb.yaml         check a task file without running it",
      "  wharf inspect -f acb.yaml -o json  every step with its resolved properties",
      "  wharf <command> --help             a command's flags, with examples",
      "  wharf help task create             the same, for a subcommand",
      "",
      "Exit status: 0 success, 1 run failed, 2 bad input, 3 engine or context",
      "unreachable, 130/143 interrupted.",
      "Docs: README.md and docs/ in the Wharf repository."
    },
    subcommands = {
      RunCommand.class,
      BuildCommand.class,
      RenderCommand.class,
      ValidateCommand.class,
      InspectCommand.class,
      GraphCommand.class,
      ScanCommand.class,
      CleanupCommand.class,
      ServerCommand.class,
      AgentCommand.class,
      SavedTaskCommand.class,
      VersionCommand.class,
      HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit status for bad input: file, template, YAML, validation, flags. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit status when the environment (engine, source) cannot be reached. */
  public static final int EXIT_ENVIRONMENT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Path workingDirectory;

  private Main(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** The folder that relative paths on the command line are resolved against. */
  Path workingDirectory() {
    return workingDirectory;
  }

  public static void main(String[] args) {
    ProcessTempFolder.useOwn();
    System.exit(
        execute(
            args,
            new PrintWriter(System.out, true, Charset.defaultCharset()),
            new PrintWriter(System.err, true, Charset.defaultCharset())));
  }

  /** Runs the command line in the current directory and returns its exit status. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, Path.of("").toAbsolutePath());
  }

  /**
   * Runs the command line with relative paths resolved against {@code workingDirectory} and returns
   * its exit status; the in-process entry used by tests.
   */
  public static int execute(
      String[] args, PrintWriter out, PrintWriter err, Path workingDirectory) {
    if (args.length == 1 && args[0].equals("--version")) {
      // The hot path for scripts that probe the version: no picocli model is built for it.
      out.println("wharf " + version());
      out.flush();
      return 0;
    }
    // Logging starts here, before any command starts a thread: SLF4J started from two threads at
    // once hands the second a stand-in logger that reports DEBUG as on (a false "DEBUG logging is
    // on for org.apache.hc" refusal) and later prints warnings about calls it "replayed".
    org.slf4j.LoggerFactory.getILoggerFactory();
    CommandLine cli = commandLine(workingDirectory);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("Error: " + ex.getMessage());
          err.println(
              "Run '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage.");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parsed) -> {
          // A bug, not bad input: say so in one line; WHARF_DEBUG=1 shows where.
          err.println("Error: Wharf failed unexpectedly: " + ex);
          if (System.getenv("WHARF_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.flush();
          return 1;
        });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** The whole command tree, every command with {@code -h/--help}. */
  static CommandLine commandLine(Path workingDirectory) {
    CommandLine cli = new CommandLine(new Main(workingDirectory));
    HelpCommand.addHelpOptions(cli);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version of this build, from the packaged {@code version.properties}. */
  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Supplies {@code --version} text to picocli. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wharf " + version()};
    }
  }
}
