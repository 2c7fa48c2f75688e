package dev.wharf.cli;

import dev.wharf.engine.prepare.TaskSecrets;
import dev.wharf.task.Plan;
import dev.wharf.task.TaskException;
import dev.wharf.task.TaskLoader;
import dev.wharf.task.TaskPipeline;
import dev.wharf.template.render.RenderException;
import dev.wharf.template.render.RenderRequest;
import dev.wharf.template.render.RenderResult;
import dev.wharf.template.render.RunInfo;
import dev.wharf.template.render.TaskRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The task commands' shared front half: read the task file that the rendering flags name, render it
 * (acb's pipeline) and plan it. Every failure is a {@link BadInputException} whose message says
 * what is wrong and where.
 */
final class TaskInput {

  private final RenderOptions options;
  private final Path workingDirectory;
  private final Map<String, String> environment;

  TaskInput(RenderOptions options, Path workingDirectory, Map<String, String> environment) {
    this.options = options;
    this.workingDirectory = workingDirectory;
    this.environment = environment;
  }

  /** The task file as given: its text, the name errors use, and the folder it lies in. */
  record TaskFile(String text, String name, Path folder) {}

  /** Reads the task file: {@code -f FILE} relative to {@code base}, {@code -} for stdin. */
  TaskFile read(Path base, InputStream stdin) throws BadInputException {
    String file = options.file == null ? "acb.yaml" : options.file;
    if (file.equals("-")) {
      try {
        return new TaskFile(
            new String(stdin.readAllBytes(), StandardCharsets.UTF_8), "stdin", workingDirectory);
      } catch (IOException e) {
        throw new BadInputException("cannot read the task from standard input: " + e.getMessage());
      }
    }
    Path path = base.resolve(file);
    if (!Files.exists(path) && base != workingDirectory) {
      path = workingDirectory.resolve(file);
    }
    try {
      return new TaskFile(Files.readString(path), file, path.toAbsolutePath().getParent());
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "failed to load template at path "
              + file
              + ": stat "
              + path.toAbsolutePath()
              + ": no such file or directory\n  hint: give the task file with -f FILE");
    } catch (IOException e) {
      throw new BadInputException("cannot read the task file " + path + ": " + e.getMessage());
    }
  }

  /** The {@code .Run} facts from the flags; {@code id}, volume and platform as the caller knows. */
  RunInfo runInfo(String id, String sharedVolume, String os, String architecture) {
    RunInfo host = RunInfo.onHost(Instant.now());
    return new RunInfo(
        id,
        options.commit,
        options.repository,
        options.branch,
        options.gitTag,
        options.triggeredBy,
        options.registry,
        options.date != null ? options.date : host.date(),
        sharedVolume,
        os != null ? os : host.os(),
        options.osVersion,
        architecture != null ? architecture : host.architecture(),
        options.name);
  }

  /** Renders the task: comment stripping, values, aliases, templates, secrets. */
  RenderResult render(TaskFile task, RunInfo run) throws BadInputException {
    RenderRequest request =
        new RenderRequest(
            task.text(),
            task.name(),
            task.folder(),
            null,
            options.valuesFile == null ? null : workingDirectory.resolve(options.valuesFile),
            ValueFlags.parse(options.set),
            ValueFlags.parse(options.setSecret),
            run,
            imageAliases(),
            new HttpAliasSource(),
            true,
            TaskPipeline.secrets(task.name(), secrets().lookup(), secrets().hint()));
    try {
      return new TaskRenderer().render(request);
    } catch (RenderException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** Decodes, validates and plans rendered text. */
  Plan plan(RenderResult rendered, String name, TaskLoader.Options loaderOptions)
      throws BadInputException {
    try {
      return TaskPipeline.plan(rendered, name, loaderOptions);
    } catch (TaskException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * Where a task's {@code secrets} come from. Wharf does not read Azure Key Vault: a secret's value
   * comes from the environment variable {@code WHARF_SECRET_<ID>} (see docs/task-language.md).
   */
  TaskSecrets secrets() {
    return new TaskSecrets(
        id -> environment.get(secretVariable(id)),
        secret ->
            "Wharf does not read Azure Key Vault; set the environment variable "
                + secretVariable(secret.id())
                + " to the secret's value");
  }

  /** The image aliases of the alias file the environment names, or null for acb's. */
  Map<String, String> imageAliases() throws BadInputException {
    return ImageAliasFile.read(environment);
  }

  /** {@code WHARF_SECRET_} and the secret id in upper case, other characters as {@code _}. */
  static String secretVariable(String id) {
    return "WHARF_SECRET_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
