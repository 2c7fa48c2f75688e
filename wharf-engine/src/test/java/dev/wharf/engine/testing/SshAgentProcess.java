package dev.wharf.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real OpenSSH agent ({@code ssh-agent -D}) holding one throwaway key, in a temporary folder of
 * its own that {@link #close()} removes with the key, after stopping the agent.
 */
public final class SshAgentProcess implements AutoCloseable {

  private final Path dir;
  private final Process agent;
  private final String comment;

  private SshAgentProcess(Path dir, Process agent, String comment) {
    this.dir = dir;
    this.agent = agent;
    this.comment = comment;
  }

  /** Starts an agent and adds a new ed25519 key whose comment is {@code comment}. */
  public static SshAgentProcess start(String comment) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("wharf-ssh-");
    Process agent = null;
    try {
      Path socket = dir.resolve("agent.sock");
      agent =
          new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("agent.log").toFile())
              .start();
      for (int i = 0; i < 500 && !Files.exists(socket) && agent.isAlive(); i++) {
        Thread.sleep(10);
      }
      if (!Files.exists(socket)) {
        throw new IOException(
            "ssh-agent did not start: " + Files.readString(dir.resolve("agent.log")));
      }
      SshAgentProcess started = new SshAgentProcess(dir, agent, comment);
      started.run(
          "ssh-keygen",
          "-q",
          "-t",
          "ed25519",
          "-N",
          "",
          "-C",
          comment,
          "-f",
          dir.resolve("key").toString());
      started.run("ssh-add", dir.resolve("key").toString());
      return started;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (agent != null) {
        agent.destroy();
        agent.waitFor(10, TimeUnit.SECONDS);
      }
      delete(dir);
      throw e;
    }
  }

  /** The agent's socket. */
  public Path socket() {
    return dir.resolve("agent.sock");
  }

  /** The key's public half, as {@code ssh-keygen} wrote it. */
  public byte[] publicKey() throws IOException {
    return Files.readAllBytes(dir.resolve("key.pub"));
  }

  /** What {@code ssh-add -l} prints for the agent: one line per key, with its comment. */
  public String listKeys() throws IOException, InterruptedException {
    return run("ssh-add", "-l");
  }

  /** The key's comment. */
  public String comment() {
    return comment;
  }

  /**
   * The files that run {@code ssh-add} of this machine in a container without a C library: the
   * program, the libraries it links (by their names) and the dynamic loader as {@code ld.so}, by
   * file name. {@code ld.so --library-path DIR DIR/ssh-add} runs it.
   */
  public static Map<String, byte[]> sshAddFiles() throws IOException, InterruptedException {
    Path sshAdd = Path.of(which("ssh-add"));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("ssh-add", Files.readAllBytes(sshAdd));
    Process ldd = new ProcessBuilder("ldd", sshAdd.toString()).redirectErrorStream(true).start();
    String text = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ldd.waitFor();
    Matcher library = Pattern.compile("(\\S+) => (/\\S+)").matcher(text);
    while (library.find()) {
      files.put(library.group(1), Files.readAllBytes(Path.of(library.group(2))));
    }
    Matcher loader = Pattern.compile("^\\s*(/\\S*ld-linux\\S*)", Pattern.MULTILINE).matcher(text);
    if (!loader.find()) {
      throw new IOException("ldd names no dynamic loader for ssh-add: " + text);
    }
    files.put("ld.so", Files.readAllBytes(Path.of(loader.group(1))));
    return files;
  }

  private static String which(String program) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException(program + " is not installed (Debian: apt-get install openssh-client)");
  }

  private String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SSH_AUTH_SOCK", socket().toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    agent.destroy();
    try {
      agent.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    delete(dir);
  }

  private static void delete(Path dir) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
