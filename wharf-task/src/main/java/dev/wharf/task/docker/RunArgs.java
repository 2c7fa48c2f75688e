package dev.wharf.task.docker;

import static dev.wharf.task.docker.Flag.bool;
import static dev.wharf.task.docker.Flag.valued;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Parses a cmd step's {@code cmd} string: leading {@code docker run} flags, then the image, then
 * the container's arguments.
 */
public final class RunArgs {
  private static final FlagSet FLAGS =
      new FlagSet(
          "docker run",
          "flags before the image are 'docker run' flags (see 'docker run --help');"
              + " put the container's own flags after the image",
          List.of(
              valued("add-host"),
              valued("annotation"),
              valued("attach", 'a'),
              valued("blkio-weight"),
              valued("blkio-weight-device"),
              valued("cap-add"),
              valued("cap-drop"),
              valued("cgroup-parent"),
              valued("cgroupns"),
              valued("cidfile"),
              valued("cpu-period"),
              valued("cpu-quota"),
              valued("cpu-rt-period"),
              valued("cpu-rt-runtime"),
              valued("cpu-shares", 'c'),
              valued("cpus"),
              valued("cpuset-cpus"),
              valued("cpuset-mems"),
              bool("detach", 'd'),
              valued("detach-keys"),
              valued("device"),
              valued("device-cgroup-rule"),
              valued("device-read-bps"),
              valued("device-read-iops"),
              valued("device-write-bps"),
              valued("device-write-iops"),
              bool("disable-content-trust"),
              valued("dns"),
              valued("dns-option"),
              valued("dns-search"),
              valued("domainname"),
              valued("entrypoint"),
              valued("env", 'e'),
              valued("env-file"),
              valued("expose"),
              valued("gpus"),
              valued("group-add"),
              valued("health-cmd"),
              valued("health-interval"),
              valued("health-retries"),
              valued("health-start-interval"),
              valued("health-start-period"),
              valued("health-timeout"),
              valued("hostname", 'h'),
              bool("init"),
              bool("interactive", 'i'),
              valued("ip"),
              valued("ip6"),
              valued("ipc"),
              valued("isolation"),
              valued("kernel-memory"),
              valued("label", 'l'),
              valued("label-file"),
              valued("link"),
              valued("link-local-ip"),
              valued("log-driver"),
              valued("log-opt"),
              valued("mac-address"),
              valued("memory", 'm'),
              valued("memory-reservation"),
              valued("memory-swap"),
              valued("memory-swappiness"),
              valued("mount"),
              valued("name"),
              valued("network"),
              valued("network-alias"),
              bool("no-healthcheck"),
              bool("oom-kill-disable"),
              valued("oom-score-adj"),
              valued("pid"),
              valued("pids-limit"),
              valued("platform"),
              bool("privileged"),
              valued("publish", 'p'),
              bool("publish-all", 'P'),
              valued("pull"),
              bool("quiet", 'q'),
              bool("read-only"),
              valued("restart"),
              bool("rm"),
              valued("runtime"),
              valued("security-opt"),
              valued("shm-size"),
              bool("sig-proxy"),
              valued("stop-signal"),
              valued("stop-timeout"),
              valued("storage-opt"),
              valued("sysctl"),
              valued("tmpfs"),
              bool("tty", 't'),
              valued("ulimit"),
              valued("user", 'u'),
              bool("use-api-socket"),
              valued("userns"),
              valued("uts"),
              valued("volume", 'v'),
              valued("volume-driver"),
              valued("volumes-from"),
              valued("workdir", 'w')),
          Map.of("net", "network", "net-alias", "network-alias"));

  private RunArgs() {}

  /** Parses {@code cmd}, e.g. {@code -e A=1 alpine:3.19 echo "$HOME"} (no expansion). */
  public static RunRequest parse(String cmd) throws DockerParseException {
    requireNonNull(cmd, "cmd cannot be null");
    FlagSet.Parsed parsed = FLAGS.parse(ShellWords.split(cmd), false);
    if (parsed.positionals().isEmpty()) {
      throw new DockerParseException(
          "\"docker run\" requires at least 1 argument (the image): " + cmd,
          "write the image first, then its arguments, e.g. 'alpine:3.19 echo hi'");
    }
    List<String> positionals = parsed.positionals();
    return new RunRequest(
        parsed.flags(), positionals.get(0), positionals.subList(1, positionals.size()));
  }
}
