package dev.wharf.engine.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds test repositories with the {@code git} command: a working copy with history on {@code
 * main}, a {@code feature} branch and a {@code v1} tag, cloned into a bare repository.
 */
public final class GitRepos {

  private GitRepos() {}

  /** Runs git in a folder and returns its trimmed standard output. */
  public static String git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test"));
    command.addAll(
        List.of("-c", "user.email=test@example.com", "-c", "protocol.file.allow=always"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_AUTHOR_DATE", "2024-01-02T03:04:05Z");
    builder.environment().put("GIT_COMMITTER_DATE", "2024-01-02T03:04:05Z");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return output.strip();
  }

  /** The commits of the sample repository. */
  public record Sample(Path bare, String first, String second, String feature) {}

  /**
   * Creates {@code <parent>/work} and its bare clone {@code <parent>/repo.git}: commit one adds
   * {@code README} and {@code app/Dockerfile}, {@code v1} tags it, commit two changes {@code
   * app/version.txt} on {@code main}, and {@code feature} adds {@code app/feature.txt}.
   */
  public static Sample sample(Path parent) throws IOException {
    Path work = Files.createDirectories(parent.resolve("work"));
    git(work, "init", "-q", "-b", "main");
    Files.writeString(work.resolve("README"), "hello\n");
    Files.createDirectories(work.resolve("app"));
    Files.writeString(work.resolve("app/Dockerfile"), "FROM scratch\n");
    Files.writeString(work.resolve("app/version.txt"), "1\n");
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "first");
    String first = git(work, "rev-parse", "HEAD");
    git(work, "tag", "-a", "v1", "-m", "version one");
    Files.writeString(work.resolve("app/version.txt"), "2\n");
    git(work, "commit", "-q", "-am", "second");
    String second = git(work, "rev-parse", "HEAD");
    git(work, "checkout", "-q", "-b", "feature", first);
    Files.writeString(work.resolve("app/feature.txt"), "feature\n");
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "feature");
    String feature = git(work, "rev-parse", "HEAD");
    git(work, "checkout", "-q", "main");
    Path bare = parent.resolve("repo.git");
    git(parent, "clone", "-q", "--bare", work.toString(), bare.toString());
    return new Sample(bare, first, second, feature);
  }
}
