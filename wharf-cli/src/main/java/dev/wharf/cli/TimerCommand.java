package dev.wharf.cli;

import dev.wharf.api.ServerClient;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.api.TriggerState;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wharf task timer}: a task's named cron schedules, as {@code az acr task timer}. */
@Command(
    name = "timer",
    header = "A task's timers: named 5-field cron schedules in UTC.",
    description = "A task's timers: named 5-field cron schedules in UTC (az acr task timer).",
    footer = {
      "",
      "Examples:",
      "  wharf task timer add -n nightly-app --timer-name nightly --schedule '0 21 * * *'",
      "  wharf task timer update -n nightly-app --timer-name nightly --enabled false",
      "  wharf task timer list -n nightly-app",
      "  wharf task timer remove -n nightly-app --timer-name nightly",
      "",
      "Fields: minute hour day-of-month month day-of-week; * a-b a,b */n; Jan, Mon-Fri.",
      "A run missed while the server was down runs once when it starts again."
    },
    subcommands = {
      TimerCommand.Add.class,
      TimerCommand.Update.class,
      TimerCommand.Remove.class,
      TimerCommand.ListTimers.class
    })
final class TimerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options naming the task and the timer. */
  abstract static class TimerOf extends ServiceCommand {
    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "TASK",
        description = "Task name.")
    String task;

    @Option(
        names = "--timer-name",
        required = true,
        paramLabel = "NAME",
        description = "Timer name.")
    String timer;

    void printTimers(ServerClient client) {
      List<TriggerState.TimerState> timers = client.timers(task);
      out().print(json() ? RunWatch.json(timers) + "\n" : table(timers));
    }
  }

  @Command(
      name = "add",
      description = "Adds a timer to a task.",
      footer = {
        "",
        "Examples:",
        "  wharf task timer add -n hello --timer-name nightly --schedule '0 21 * * *'",
        "  wharf task timer add -n hello --timer-name hourly --schedule '0 * * * *' --enabled false"
      })
  static final class Add extends TimerOf {
    @Option(
        names = "--schedule",
        required = true,
        paramLabel = "CRON",
        description = "5-field cron schedule in UTC, e.g. '0 21 * * *'.")
    String schedule;

    @Option(names = "--enabled", arity = "1", paramLabel = "BOOL", description = "Default true.")
    boolean enabled = true;

    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      client.addTimer(task, new TimerTrigger(timer, schedule, enabled));
      printTimers(client);
      return 0;
    }
  }

  @Command(
      name = "update",
      description = "Changes a timer's schedule or whether it is enabled.",
      footer = {
        "",
        "Examples:",
        "  wharf task timer update -n hello --timer-name nightly --schedule '30 22 * * *'",
        "  wharf task timer update -n hello --timer-name nightly --enabled false"
      })
  static final class Update extends TimerOf {
    @Option(names = "--schedule", paramLabel = "CRON", description = "New schedule.")
    String schedule;

    @Option(names = "--enabled", arity = "1", paramLabel = "BOOL", description = "true or false.")
    Boolean enabled;

    @Override
    int run(ServerSession server) throws BadInputException {
      if (schedule == null && enabled == null) {
        throw new BadInputException("give --schedule CRON and/or --enabled true|false");
      }
      ServerClient client = server.client();
      client.updateTimer(task, timer, schedule, enabled);
      printTimers(client);
      return 0;
    }
  }

  @Command(
      name = "remove",
      description = "Removes a timer from a task.",
      footer = {"", "Examples:", "  wharf task timer remove -n hello --timer-name nightly"})
  static final class Remove extends TimerOf {
    @Override
    int run(ServerSession server) {
      ServerClient client = server.client();
      client.removeTimer(task, timer);
      printTimers(client);
      return 0;
    }
  }

  @Command(
      name = "list",
      description = "Lists a task's timers with their next occurrence.",
      footer = {
        "",
        "Examples:",
        "  wharf task timer list -n hello",
        "  wharf task timer list -n hello -o json"
      })
  static final class ListTimers extends ServiceCommand {
    @Option(
        names = {"-n", "--name"},
        required = true,
        paramLabel = "TASK",
        description = "Task name.")
    String task;

    @Override
    int run(ServerSession server) {
      List<TriggerState.TimerState> timers = server.client().timers(task);
      out().print(json() ? RunWatch.json(timers) + "\n" : table(timers));
      return 0;
    }
  }

  /** {@code NAME | SCHEDULE | STATUS | NEXT OCCURRENCE}. */
  static String table(List<TriggerState.TimerState> timers) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("NAME", "SCHEDULE", "STATUS", "NEXT OCCURRENCE"));
    for (TriggerState.TimerState timer : timers) {
      rows.add(
          List.of(
              timer.name(),
              timer.schedule(),
              timer.enabled() ? "Enabled" : "Disabled",
              timer.nextOccurrence() == null ? "" : timer.nextOccurrence().toString()));
    }
    return RunTable.table(rows);
  }
}
