package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./wharf} script, run in a copy of the tree with a stand-in {@code mvn}
 * that prints what Maven prints: it tells which module it builds, one line each, without colour
 * codes, and shows the errors of a failed build.
 */
class LauncherScriptTest {

  private static final String MAVEN_OUTPUT =
      """
      [INFO] Scanning for projects...
      [INFO] ------------------------------------------------------------------------
      [INFO] Reactor Build Order:
      [INFO]
      [INFO] Wharf template: Go text/template, Sprig, values and aliases         [jar]
      [INFO] Wharf CLI: the wharf command                                        [jar]
      [INFO]
      [INFO] -------------------< dev.wharf:wharf-template >--------------------
      [INFO] Building Wharf template: Go text/template, Sprig 0.1.0-SNAPSHOT      [1/2]
      [INFO]   from wharf-template/pom.xml
      [INFO] --- compiler:3.16.0:compile (default-compile) @ wharf-template ---
      [INFO] -----------------------< dev.wharf:wharf-cli >-----------------------
      [INFO] Building Wharf CLI: the wharf command 0.1.0-SNAPSHOT                 [2/2]
      [INFO] BUILD SUCCESS
      """;

  @TempDir Path root;

  private record Result(int exit, String out, String err) {}

  private Result launch(int mavenExit) throws IOException, InterruptedException {
    Files.copy(Path.of("..", "wharf"), root.resolve("wharf"));
    Files.createDirectories(root.resolve("wharf-cli/src/main/java"));
    Files.writeString(root.resolve("wharf-cli/src/main/java/A.java"), "class A {}\n");
    Path bin = Files.createDirectories(root.resolve("fake-bin"));
    // Colour codes unless asked for none, as Maven does when it thinks it writes to a terminal.
    executable(
        bin.resolve("mvn"),
        "#!/bin/sh\n"
            + "case \"$*\" in *-Dstyle.color=never*) esc='' ;; *) esc=$(printf '\\033[0m') ;; esac\n"
            + "printf '%s' \""
            + MAVEN_OUTPUT.replace("[INFO]", "${esc}[INFO]")
            + "\"\n"
            + (mavenExit == 0
                ? "d=wharf-cli/target/wharf-0.1.0/bin; mkdir -p $d wharf-cli/target/wharf-0.1.0/lib\n"
                    + "touch wharf-cli/target/wharf-0.1.0/lib/wharf-cli-0.1.0.jar\n"
                    + "printf '#!/bin/sh\\necho ran \"$@\"\\n' > $d/wharf; chmod +x $d/wharf\n"
                : "echo '[ERROR] COMPILATION ERROR : A.java:[1,1] broken'\nexit "
                    + mavenExit
                    + "\n"));
    ProcessBuilder builder = new ProcessBuilder("sh", root.resolve("wharf").toString(), "version");
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("TMPDIR", root.toString());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void build_printsOneLinePerModuleAndNoEscapeCodes() throws Exception {
    Result r = launch(0);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("ran version\n");
    assertThat(r.err())
        .isEqualTo(
            "wharf: building the distribution (mvn package; a minute or more the first time)\n"
                + "wharf: building wharf-template [1/2]\n"
                + "wharf: building wharf-cli [2/2]\n"
                + "wharf: built\n");
  }

  @Test
  void failedBuild_showsMavensErrorsAndExitsThree() throws Exception {
    Result r = launch(1);

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .contains("[ERROR] COMPILATION ERROR", "the build failed")
        .doesNotContain("\u001b");
  }
}
