package dev.wharf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf server}: the service that queues and runs tasks, with its API and agent. */
@Command(
    name = "server",
    header = "Start the Wharf server: queued runs, saved tasks, live logs.",
    description = {
      "Starts the Wharf server: runs queued from 'wharf run --server', saved tasks, live logs,"
          + " an embedded agent running them on the local Docker engine.",
      "",
      "Zero configuration: data in ~/.wharf/server, SQLite, http://127.0.0.1:8423."
    },
    footer = {
      "",
      "Examples:",
      "  wharf server --registry 127.0.0.1:5000",
      "  wharf server --allow-local-contexts     # runs may fetch from this machine's git servers",
      "  wharf server --allow-raw-engine-socket  # trusted tasks' runs get the whole engine",
      "  wharf server token create --role admin --name me",
      "  wharf server token create --role agent --name builders",
      "  wharf server --agents 0 --db jdbc:postgresql://db/wharf?user=wharf   # API only",
      "  wharf server --db jdbc:postgresql://db/wharf?user=wharf --listen 0.0.0.0:8423",
      "  wharf server --quiet             no line per run on stderr",
      "  wharf server --registry-hook-header \"Authorization: Bearer $HOOK_TOKEN\"   registry"
          + " notifications rebuild tasks on new base images",
      "  wharf server --base-image-poll-interval 60    ask registries for new base images every"
          + " minute (0: never)",
      "  wharf server --max-upload-size 512m   refuse uploaded contexts above 512 MiB"
    },
    subcommands = ServerCommand.Token.class)
final class ServerCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data (default ~/.wharf/server).")
  Path dataDir;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Address to serve on (default 127.0.0.1:8423).")
  String listen;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "jdbc:postgresql://… (default: SQLite in the data directory).")
  String db;

  @Option(
      names = "--agents",
      paramLabel = "N",
      description = "Runs the embedded agent runs at once (default 2; 0: none, a pure API server).")
  Integer agents;

  @Option(
      names = "--heartbeat",
      paramLabel = "SECONDS",
      description =
          "How often agents send heartbeats (default 10); a run whose agent misses them for one"
              + " and a half intervals ends as Error.")
  Integer heartbeatSeconds;

  @Option(
      names = {"-r", "--registry"},
      paramLabel = "HOST",
      description = "The registry runs see as .Run.Registry and $Registry.")
  String registry;

  @Option(
      names = {"-q", "--quiet"},
      description = "No INFO lines on stderr (one per run queued, started and finished).")
  boolean quiet;

  @Option(
      names = "--allow-local-contexts",
      description =
          "Let runs use contexts on this machine: file:// URLs and git or tarball URLs whose host"
              + " is loopback, private or link-local (one-machine set-ups; refused by default).")
  boolean allowLocalContexts;

  @Option(
      names = "--allow-raw-engine-socket",
      description =
          "Give runs of tasks an admin marked trusted (wharf task update --trusted true) the whole"
              + " engine, as a local 'wharf run' has it: privileged and host-network steps,"
              + " host folders. Without it every run is untrusted (docs/security.md).")
  boolean allowRawEngineSocket;

  @Option(
      names = "--registry-hook-header",
      paramLabel = "'NAME: VALUE'",
      defaultValue = "${env:WHARF_REGISTRY_HOOK_HEADER}",
      description =
          "The header registry notifications to POST /api/v1/hooks/registry must carry, as the"
              + " registry's notifications endpoint sends it (default: $WHARF_REGISTRY_HOOK_HEADER;"
              + " none: notifications are refused).")
  String registryHookHeader;

  @Option(
      names = "--base-image-poll-interval",
      paramLabel = "SECONDS",
      description =
          "How often the server asks registries for the digests of the base images tasks are"
              + " built on (default 300; 0: only notifications).")
  Integer baseImagePollSeconds;

  @Option(
      names = "--max-upload-size",
      paramLabel = "SIZE",
      description =
          "The largest context 'wharf run --server DIR' and POST /api/v1/uploads may upload, e.g."
              + " 512m or 2g (k, m, g: KiB, MiB, GiB; default 2g; with PostgreSQL at most 1023m);"
              + " bigger uploads are refused with 413 (docs/security.md#limits).")
  String maxUploadSize;

  @Override
  public Integer call() {
    try {
      return ServerStart.serve(this, spec.commandLine().getOut());
    } catch (BadInputException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
  }

  /** {@code wharf server token}: API tokens. */
  @Command(
      name = "token",
      description = "API tokens.",
      subcommands = {TokenCreate.class, TokenList.class, TokenRevoke.class},
      footer = {
        "",
        "Examples:",
        "  wharf server token create --role admin --name me",
        "  wharf server token list",
        "  wharf server token revoke --name builders-2026-11"
      })
  static final class Token implements Runnable {
    @ParentCommand ServerCommand parent;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  /** {@code wharf server token create}: prints a new token; works while the server runs. */
  @Command(
      name = "create",
      description = "Creates an API token and prints it on stdout (shown only once).",
      footer = {
        "",
        "Examples:",
        "  export WHARF_TOKEN=$(wharf server token create --role admin --name me)",
        "  wharf server token create --data-dir /srv/wharf --role run --name ci   the server started with --data-dir /srv/wharf"
      })
  static final class TokenCreate implements Callable<Integer> {
    @ParentCommand Token parent;
    @Spec CommandSpec spec;

    @Mixin ServerDatabase database;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "read, run, admin, or agent (may only claim runs and report on them).")
    String role;

    @Option(names = "--name", paramLabel = "NAME", description = "What the token is for.")
    String name;

    @Override
    public Integer call() {
      try {
        return ServerStart.createToken(this, spec.commandLine().getOut());
      } catch (BadInputException e) {
        spec.commandLine().getErr().println("Error: " + e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
    }
  }

  /** {@code wharf server token list}: the stored tokens' names and roles. */
  @Command(
      name = "list",
      description =
          "Lists the API tokens (name, role, when created); the tokens themselves are not kept.",
      footer = {
        "",
        "Examples:",
        "  wharf server token list",
        "  wharf server token list --db jdbc:postgresql://db/wharf?user=wharf"
      })
  static final class TokenList implements Callable<Integer> {
    @ParentCommand Token parent;
    @Spec CommandSpec spec;

    @Mixin ServerDatabase database;

    @Override
    public Integer call() {
      return ServerStart.listTokens(this, spec.commandLine().getOut());
    }
  }

  /** {@code wharf server token revoke}: removes tokens by name; works while servers run. */
  @Command(
      name = "revoke",
      description =
          "Revokes every token with this name: the servers refuse it (401) from its next request"
              + " on, so an agent holding it can claim no more runs.",
      footer = {
        "",
        "Examples:",
        "  wharf server token revoke --name builders-2026-11",
        "  wharf server token revoke --db jdbc:postgresql://db/wharf?user=wharf --name ci"
      })
  static final class TokenRevoke implements Callable<Integer> {
    @ParentCommand Token parent;
    @Spec CommandSpec spec;

    @Mixin ServerDatabase database;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "The name the token was created with.")
    String name;

    @Override
    public Integer call() {
      return ServerStart.revokeToken(
          this, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }
}
