package dev.wharf.server.trigger;

import dev.wharf.api.RunTrigger;
import java.util.List;

/**
 * One push to a branch or one pull request, as a forge's webhook announced it.
 *
 * @param repositoryUrls the URLs the forge gives for the repository (clone, web, ssh)
 * @param branch the branch pushed to; for a pull request, its source branch
 * @param targetBranch the branch the trigger's filter applies to: the pushed branch, or the branch
 *     a pull request goes into
 * @param pullRequest the pull request's number, null for a push
 */
record ForgeEvent(
    String provider,
    String event,
    List<String> repositoryUrls,
    String branch,
    String targetBranch,
    String commit,
    Long pullRequest) {

  boolean isPullRequest() {
    return RunTrigger.Source.PULL_REQUEST.equals(event);
  }

  /** The run's trigger for this event. */
  RunTrigger.Source trigger(String repository) {
    return new RunTrigger.Source(provider, event, repository, branch, commit, pullRequest);
  }

  static ForgeEvent push(String provider, List<String> urls, String ref, String commit) {
    String branch = ref.replaceFirst("^refs/heads/", "");
    return new ForgeEvent(provider, RunTrigger.Source.COMMIT, urls, branch, branch, commit, null);
  }

  static ForgeEvent pullRequest(
      String provider, List<String> urls, String source, String target, String commit, long id) {
    return new ForgeEvent(
        provider,
        RunTrigger.Source.PULL_REQUEST,
        urls,
        source.replaceFirst("^refs/heads/", ""),
        target.replaceFirst("^refs/heads/", ""),
        commit,
        id);
  }
}
