package dev.wharf.api;

/**
 * The filters of {@code az acr task list-runs}; null means "any".
 *
 * @param image {@code repo:tag} or {@code repo@digest}, with or without the registry
 * @param top how many runs, newest first
 */
public record RunFilter(String task, RunStatus status, String image, int top) {
  /** The number of runs listed when no {@code top} is given (as az). */
  public static final int DEFAULT_TOP = 15;

  public RunFilter {
    top = top <= 0 ? DEFAULT_TOP : Math.min(top, 10_000);
  }
}
