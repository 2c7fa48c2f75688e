package dev.wharf.template.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The run facts a template sees as {@code .Run} (all strings, empty when not given).
 *
 * @param id {@code --id}
 * @param commit {@code --commit}
 * @param repository {@code --repository}
 * @param branch {@code --branch}
 * @param gitTag {@code --git-tag}
 * @param triggeredBy {@code --triggered-by}
 * @param registry {@code --registry}, fully qualified
 * @param date run start in Go layout {@code 20060102-150405z}, UTC
 * @param sharedVolume the run's home volume name
 * @param os Go's {@code GOOS}
 * @param osVersion {@code --os-version}
 * @param architecture Go's {@code GOARCH}
 * @param taskName {@code --name}
 */
public record RunInfo(
    String id,
    String commit,
    String repository,
    String branch,
    String gitTag,
    String triggeredBy,
    String registry,
    String date,
    String sharedVolume,
    String os,
    String osVersion,
    String architecture,
    String taskName) {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public RunInfo {
    id = orEmpty(id);
    commit = orEmpty(commit);
    repository = orEmpty(repository);
    branch = orEmpty(branch);
    gitTag = orEmpty(gitTag);
    triggeredBy = orEmpty(triggeredBy);
    registry = orEmpty(registry);
    date = orEmpty(date);
    sharedVolume = orEmpty(sharedVolume);
    os = orEmpty(os);
    osVersion = orEmpty(osVersion);
    architecture = orEmpty(architecture);
    taskName = orEmpty(taskName);
  }

  /** A run with no flags given, started at {@code start} on this Linux host. */
  public static RunInfo onHost(Instant start) {
    return new RunInfo(
        "", "", "", "", "", "", "", formatDate(start), "", "linux", "", hostArchitecture(), "");
  }

  /** {@code Registry} up to its first dot, the whole name when it has none. */
  public String registryName() {
    int dot = registry.indexOf('.');
    return dot < 0 ? registry : registry.substring(0, dot);
  }

  /** {@code .Run.Date}'s text for an instant. */
  public static String formatDate(Instant instant) {
    return DATE.format(instant);
  }

  /** This JVM's CPU as Go names it ({@code amd64}, {@code arm64}, …). */
  public static String hostArchitecture() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      default -> arch;
    };
  }

  /** The {@code .Run} map with acb's Go field names, {@code RegistryName} included. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ID", id);
    out.put("Commit", commit);
    out.put("Repository", repository);
    out.put("Branch", branch);
    out.put("GitTag", gitTag);
    out.put("TriggeredBy", triggeredBy);
    out.put("Registry", registry);
    out.put("RegistryName", registryName());
    out.put("Date", date);
    out.put("SharedVolume", sharedVolume);
    out.put("OS", os);
    out.put("OSVersion", osVersion);
    out.put("Architecture", architecture);
    out.put("TaskName", taskName);
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
