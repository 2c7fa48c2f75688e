package dev.wharf.server.api;

import dev.wharf.api.TaskDefinition;
import dev.wharf.engine.source.ContextUrl;

/** Refuses credentials written into a run's context URL, where they would be stored and shown. */
final class ContextCredentials {
  private ContextCredentials() {}

  /**
   * {@code task} with a token written into its context URL moved to its git credential (the newest
   * word on the credential), so that the stored and shown URL never holds it.
   */
  static TaskDefinition movedToGitCredential(TaskDefinition task) {
    ContextUrl split = ContextUrl.of(task.context());
    if (!split.hadCredential()) {
      return task;
    }
    return task.withContext(split.location(), split.token());
  }

  /** Throws a 400 when {@code context} carries user-info. */
  static void refuseIn(String context) {
    if (context != null && ContextUrl.of(context).hadCredential()) {
      throw new ApiException(
          400,
          "the context URL "
              + ContextUrl.shown(context)
              + " carries a credential, which a run would store and show; save a task with"
              + " --git-access-token (wharf task create -c URL --git-access-token TOKEN) and run"
              + " it instead");
    }
  }
}
