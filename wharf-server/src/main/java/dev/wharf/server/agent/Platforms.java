package dev.wharf.server.agent;

import java.util.List;
import java.util.Locale;

/** The platform an agent runs runs for, in Go's words, and the run platforms that match it. */
public final class Platforms {
  private Platforms() {}

  /** This machine's platform, e.g. {@code linux/amd64}. */
  public static String local() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    String goOs = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          default -> arch.startsWith("arm") ? "arm" : arch;
        };
    return goOs + "/" + goArch;
  }

  /** The run platforms an agent of {@code platform} runs: itself, its OS alone, its variants. */
  public static List<String> accepted(String platform) {
    String os = platform.contains("/") ? platform.substring(0, platform.indexOf('/')) : platform;
    return switch (platform) {
      case "linux/amd64" -> List.of(platform, os);
      case "linux/arm64" -> List.of(platform, "linux/arm64/v8");
      case "linux/arm" -> List.of(platform, "linux/arm/v7", "linux/arm/v6");
      default -> List.of(platform);
    };
  }
}
