package dev.wharf.engine.source;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The commit and branch of a checkout, as {@code git rev-parse --verify HEAD} and {@code git
 * rev-parse --abbrev-ref HEAD} report them; both empty when there is no repository.
 */
record GitHead(String commit, String branch) {

  static final GitHead NONE = new GitHead("", "");

  static GitHead of(Repository repo) throws IOException {
    ObjectId head = repo.resolve("HEAD");
    if (head == null) {
      return NONE;
    }
    String full = repo.getFullBranch();
    String branch =
        full != null && full.startsWith("refs/heads/")
            ? full.substring("refs/heads/".length())
            : "HEAD";
    return new GitHead(head.name(), branch);
  }

  /**
   * Reads the checkout that holds the folder, searching parent folders as git does; errors and a
   * missing repository give {@link #NONE}.
   */
  static GitHead find(Path folder) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
    if (builder.getGitDir() == null) {
      return NONE;
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      return of(repo);
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }
}
