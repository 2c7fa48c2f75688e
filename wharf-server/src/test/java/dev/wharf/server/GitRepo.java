package dev.wharf.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A bare repository under {@code root} and a working copy that commits and pushes to it. */
public final class GitRepo {
  final Path bare;
  private final Path work;

  private GitRepo(Path bare, Path work) {
    this.bare = bare;
    this.work = work;
  }

  /** Creates {@code root/name.git} with one commit on {@code main}. */
  public static GitRepo create(Path root, String name) throws Exception {
    Path bare = root.resolve(name + ".git");
    Path work = Files.createTempDirectory(root, "work-");
    git(root, "init", "-q", "--bare", "-b", "main", bare.toString());
    git(work, "init", "-q", "-b", "main");
    git(work, "remote", "add", "origin", bare.toString());
    GitRepo repo = new GitRepo(bare, work);
    repo.commit("main", "acb.yaml", "version: v1.1.0\nsteps:\n  - cmd: busybox echo one\n");
    return repo;
  }

  /** Commits {@code text} as {@code file} on {@code branch}, pushes, answers the commit id. */
  public String commit(String branch, String file, String text) throws Exception {
    git(work, "checkout", "-q", "-B", branch);
    Files.writeString(work.resolve(file), text);
    git(work, "add", "-A");
    git(work, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", file);
    git(work, "push", "-q", "origin", branch);
    return git(work, "rev-parse", "HEAD").trim();
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
