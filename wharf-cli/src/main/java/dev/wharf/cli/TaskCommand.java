package dev.wharf.cli;

import dev.wharf.task.Plan;
import dev.wharf.task.TaskLoader;
import dev.wharf.task.Warning;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that reads a task file with the rendering flags and stops before running it (render,
 * validate, inspect, graph). Bad input prints one error on stderr and exits 2.
 */
abstract class TaskCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RenderOptions options;

  @Override
  public final Integer call() {
    try {
      return run(new TaskInput(options, main.workingDirectory(), System.getenv()));
    } catch (BadInputException e) {
      err().println("Error: " + e.getMessage());
      err().flush();
      return Main.EXIT_BAD_INPUT;
    }
  }

  abstract int run(TaskInput input) throws BadInputException;

  /** Renders and plans the task file, printing warnings on stderr. */
  Plan plan(TaskInput input, boolean strict) throws BadInputException {
    TaskInput.TaskFile file = input.read(main.workingDirectory(), System.in);
    // As `wharf run` does, a run id even without --id, so `-t app:$ID` stays a valid tag.
    String id = options.id != null ? options.id : RunCommand.newRunId();
    var rendered = input.render(file, input.runInfo(id, "", null, null));
    Plan plan = input.plan(rendered, file.name(), TaskLoader.Options.defaults().withStrict(strict));
    for (Warning warning : plan.warnings()) {
      err().println(warning);
    }
    err().flush();
    return plan;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
