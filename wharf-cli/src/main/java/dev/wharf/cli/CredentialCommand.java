package dev.wharf.cli;

import dev.wharf.api.RegistryCredential;
import dev.wharf.api.ServerClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wharf task credential}: a task's logins to other registries, as {@code az acr task
 * credential}; usernames and passwords are write-only, {@code list} shows the login servers.
 */
@Command(
    name = "credential",
    header = "A task's logins to other registries (az acr task credential).",
    description = {
      "A task's logins to other registries (az acr task credential): its runs log in to each"
          + " before their steps, as with --credential on task create.",
      "Usernames and passwords are write-only, sealed with the task and masked in logs; list"
          + " shows the login servers only."
    },
    footer = {
      "",
      "Examples:",
      "  wharf task credential add -n hello --login-server 127.0.0.1:5001 -u wharf -p \"$PASSWORD\"",
      "  wharf task credential update -n hello --login-server 127.0.0.1:5001 -p \"$NEW_PASSWORD\"",
      "  wharf task credential list -n hello",
      "  wharf task credential remove -n hello --login-server 127.0.0.1:5001"
    },
    subcommands = {
      CredentialCommand.Add.class,
      CredentialCommand.Update.class,
      CredentialCommand.Remove.class,
      CredentialCommand.ListCredentials.class
    })
final class CredentialCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The option naming the task, and how login servers are printed. */
  abstract static class OfTask extends ServiceCommand {
    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "TASK",
        description = "Task name.")
    String task;

    void print(List<String> loginServers) {
      if (json()) {
        out().println(RunWatch.json(loginServers));
      } else {
        loginServers.forEach(out()::println);
      }
    }
  }

  /** The options naming one login. */
  abstract static class OfLogin extends OfTask {
    @Option(
        names = "--login-server",
        required = true,
        paramLabel = "HOST",
        description = "The registry's login server, e.g. myregistry.azurecr.io or host:port.")
    String loginServer;
  }

  @Command(
      name = "add",
      description = "Adds a registry login to a task.",
      footer = {
        "",
        "Examples:",
        "  wharf task credential add -n hello --login-server 127.0.0.1:5001 -u wharf -p \"$PASSWORD\""
      })
  static final class Add extends OfLogin {
    @Option(
        names = {"-u", "--username"},
        required = true,
        paramLabel = "USER",
        description = "Username (write-only).")
    String username;

    @Option(
        names = {"-p", "--password"},
        required = true,
        paramLabel = "PASSWORD",
        description = "Password or token (write-only, masked in logs).")
    String password;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      print(client.addCredential(task, new RegistryCredential(loginServer, username, password)));
      return 0;
    }
  }

  @Command(
      name = "update",
      description = "Changes the username and/or password of a task's registry login.",
      footer = {
        "",
        "Examples:",
        "  wharf task credential update -n hello --login-server 127.0.0.1:5001 -p \"$PASSWORD\"",
        "  wharf task credential update -n hello --login-server 127.0.0.1:5001 -u bot -p \"$P\""
      })
  static final class Update extends OfLogin {
    @Option(
        names = {"-u", "--username"},
        paramLabel = "USER",
        description = "New username (write-only).")
    String username;

    @Option(
        names = {"-p", "--password"},
        paramLabel = "PASSWORD",
        description = "New password or token (write-only, masked in logs).")
    String password;

    @Override
    int run(ServerSession server) throws BadInputException {
      if (username == null && password == null) {
        throw new BadInputException("give -u USER and/or -p PASSWORD to change");
      }
      ServerClient client = server.client();
      print(client.updateCredential(task, loginServer, username, password));
      return 0;
    }
  }

  @Command(
      name = "remove",
      description = "Removes a task's registry login.",
      footer = {
        "",
        "Examples:",
        "  wharf task credential remove -n hello --login-server 127.0.0.1:5001"
      })
  static final class Remove extends OfLogin {
    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      print(client.removeCredential(task, loginServer));
      return 0;
    }
  }

  @Command(
      name = "list",
      description = "Lists the login servers of a task's registry logins.",
      footer = {
        "",
        "Examples:",
        "  wharf task credential list -n hello",
        "  wharf task credential list -n hello -o json"
      })
  static final class ListCredentials extends OfTask {
    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      print(client.credentials(task));
      return 0;
    }
  }
}
