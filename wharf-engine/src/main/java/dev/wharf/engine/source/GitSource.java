package dev.wharf.engine.source;

import dev.wharf.engine.TempFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A git repository fetched with JGit into a temporary folder, checked out at {@code #ref}, and
 * packed from {@code :folder} (which must stay inside the repository).
 */
final class GitSource implements SourceContext {

  private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);
  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{4,40}");
  private static final String FETCHED = "refs/wharf/fetched";

  private final GitLocation location;
  private final SourceOptions options;

  GitSource(GitLocation location, SourceOptions options) {
    this.location = location;
    this.options = options;
  }

  @Override
  public SourceInfo writeTo(OutputStream tar) throws IOException {
    LOG.info("Getting context from Git URL {}", location.description());
    if (location.remote().contains("://")) {
      NetworkTarget.check(URI.create(location.remote()), options);
    }
    Path root = TempFiles.folder("wharf-git-");
    try {
      GitHead head = fetch(root);
      Path folder = confine(root, location.folder());
      ContextPacker.everything().pack(folder, tar);
      return new SourceInfo(
          options.commit().isEmpty() ? head.commit() : options.commit(),
          options.branch().isEmpty() ? head.branch() : options.branch(),
          location.description());
    } finally {
      TempFolders.delete(root);
    }
  }

  private GitHead fetch(Path root) throws SourceException {
    CredentialsProvider credentials =
        location.user() == null
            ? null
            : new UsernamePasswordCredentialsProvider(location.user(), location.password());
    int timeout = (int) Math.max(1, options.timeout().toSeconds());
    try (Git git = Git.init().setDirectory(root.toFile()).call()) {
      // The checkout lives for one run: JGit's automatic gc after a fetch would run in the
      // background and race the removal of the folder.
      StoredConfig config = git.getRepository().getConfig();
      config.setInt("gc", null, "auto", 0);
      config.save();
      git.remoteAdd().setName("origin").setUri(new URIish(location.remote())).call();
      Map<String, Ref> advertised =
          Git.lsRemoteRepository()
              .setRemote(location.remote())
              .setCredentialsProvider(credentials)
              .setTimeout(timeout)
              .callAsMap();
      Target target = Target.choose(location.ref(), advertised);
      ObjectId commit = fetchTarget(git, target, credentials, timeout);
      if (target.branch() != null) {
        git.checkout()
            .setCreateBranch(true)
            .setName(target.branch())
            .setStartPoint(commit.name())
            .call();
      } else {
        git.checkout().setName(commit.name()).call();
      }
      deleteRef(git.getRepository(), FETCHED);
      if (Files.exists(root.resolve(".gitmodules"))) {
        git.submoduleInit().call();
        git.submoduleUpdate().setCredentialsProvider(credentials).call();
      }
      return GitHead.of(git.getRepository());
    } catch (SourceException e) {
      throw e;
    } catch (GitAPIException | JGitInternalException | IOException | URISyntaxException e) {
      throw new SourceException("error fetching", e, location.password());
    }
  }

  /**
   * Fetches the target shallowly, falling back to a full fetch when the remote refuses a shallow
   * one or does not allow fetching a commit by id, and returns the commit to check out.
   */
  private ObjectId fetchTarget(Git git, Target target, CredentialsProvider credentials, int timeout)
      throws GitAPIException, IOException {
    Repository repo = git.getRepository();
    String source = target.ref() != null ? target.ref() : target.sha();
    if (target.ref() != null || target.sha().length() == 40) {
      try {
        fetchCommand(git, credentials, timeout)
            .setRefSpecs(new RefSpec("+" + source + ":" + FETCHED))
            .setDepth(1)
            .call();
        ObjectId fetched = repo.resolve(FETCHED + "^{commit}");
        if (fetched != null) {
          return fetched;
        }
      } catch (GitAPIException | JGitInternalException e) {
        LOG.debug("shallow fetch refused, fetching everything: {}", redact(e.getMessage()));
      }
    }
    List<RefSpec> everything =
        new ArrayList<>(
            List.of(
                new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                new RefSpec("+refs/tags/*:refs/tags/*")));
    if (target.ref() != null) {
      everything.add(new RefSpec("+" + target.ref() + ":" + FETCHED));
    }
    fetchCommand(git, credentials, timeout).setRefSpecs(everything).call();
    ObjectId commit = repo.resolve((target.ref() != null ? FETCHED : source) + "^{commit}");
    if (commit == null) {
      throw new SourceException("error fetching: couldn't find remote ref " + source);
    }
    return commit;
  }

  private FetchCommand fetchCommand(Git git, CredentialsProvider credentials, int timeout) {
    return git.fetch()
        .setRemote("origin")
        .setCredentialsProvider(credentials)
        .setTimeout(timeout)
        .setTagOpt(TagOpt.NO_TAGS);
  }

  private String redact(String text) {
    return Redaction.redact(text, location.password());
  }

  private static void deleteRef(Repository repo, String name) throws IOException {
    if (repo.exactRef(name) != null) {
      RefUpdate update = repo.updateRef(name);
      update.setForceUpdate(true);
      update.delete();
    }
  }

  /** Resolves {@code :folder} inside the checkout, links followed, never leaving the root. */
  static Path confine(Path root, String folder) throws IOException {
    Path realRoot = root.toRealPath();
    if (folder.isEmpty()) {
      return realRoot;
    }
    Path candidate = realRoot.resolve(folder).normalize();
    if (!candidate.startsWith(realRoot)) {
      throw new SourceException(
          "error setting git context, \"" + folder + "\" not within git root");
    }
    if (Files.exists(candidate)) {
      candidate = candidate.toRealPath();
      if (!candidate.startsWith(realRoot)) {
        throw new SourceException(
            "error setting git context, \"" + folder + "\" not within git root");
      }
    }
    if (!Files.isDirectory(candidate)) {
      throw new SourceException("error setting git context, not a directory: " + folder);
    }
    return candidate;
  }

  /**
   * What to fetch: a full ref name, or a commit id; {@code branch} names the local branch to check
   * out, null for a detached checkout (tags, commits, pull requests).
   */
  private record Target(String ref, String sha, String branch) {

    static Target choose(String ref, Map<String, Ref> advertised) throws SourceException {
      if (ref.isEmpty()) {
        Ref head = advertised.get("HEAD");
        if (head != null && head.isSymbolic()) {
          String name = head.getTarget().getName();
          return new Target(name, null, branchName(name));
        }
        return new Target("HEAD", null, null);
      }
      if (advertised.containsKey(ref) && ref.startsWith("refs/")) {
        return new Target(ref, null, branchName(ref));
      }
      if (advertised.containsKey("refs/heads/" + ref)) {
        return new Target("refs/heads/" + ref, null, ref);
      }
      if (advertised.containsKey("refs/tags/" + ref)) {
        return new Target("refs/tags/" + ref, null, null);
      }
      if (ref.startsWith("pull/")) {
        return new Target("refs/" + ref, null, null);
      }
      if (ref.startsWith("refs/")) {
        return new Target(ref, null, null);
      }
      if (SHA.matcher(ref).matches()) {
        return new Target(null, ref.toLowerCase(Locale.ROOT), null);
      }
      throw new SourceException("error fetching: couldn't find remote ref " + ref);
    }

    private static String branchName(String ref) {
      return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
    }
  }
}
