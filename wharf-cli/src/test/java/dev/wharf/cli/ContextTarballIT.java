package dev.wharf.cli;

import static dev.wharf.cli.WharfInProcess.assertNothingLeft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.source.FileHttpServer;
import dev.wharf.engine.source.Tarballs;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code wharf run} end to end from an http tarball served on 127.0.0.1, and malicious ones. */
@DockerTest
class ContextTarballIT {

  static FileHttpServer server;

  @TempDir Path folder;

  @BeforeAll
  static void startServer() throws IOException {
    server = new FileHttpServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void run_gzipTarballUrl_runsTheTarballsTaskOnItsContent(LocalDocker docker) throws Exception {
    byte[] tar =
        new Tarballs()
            .file(
                "acb.yaml",
                "version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox sh -c"
                    + " \"cat /workspace/data/hello.txt; ls -l /workspace/run.sh\"\n",
                0644)
            .dir("data")
            .file("data/hello.txt", "hello from the tarball\n", 0644)
            .file("run.sh", "#!/bin/sh\n", 0755)
            .bytes();
    String url = server.serve("/ctx.tar.gz", Tarballs.compress(tar, GZIPOutputStream::new));
    String id = WharfInProcess.newRunId();

    var result = WharfInProcess.run(folder, "run", "--id", id, url);

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("hello from the tarball", "-rwxr-xr-x");
    assertNothingLeft(docker, id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "/tmp/wharf-it-escape", "symlink"})
  void run_maliciousTarball_exitsWithStatus3AndSaysWhy(String entry, LocalDocker docker)
      throws Exception {
    Tarballs tar =
        new Tarballs().file("acb.yaml", "steps:\n  - cmd: wharf-test/busybox true\n", 0644);
    String expected;
    if (entry.equals("symlink")) {
      tar.dir("a").symlink("a/up", "../../..");
      expected = "symbolic link \"a/up\" points outside the target folder";
    } else {
      tar.file(entry, "escape\n", 0644);
      expected =
          entry.startsWith("/")
              ? "entry \"" + entry + "\" has an absolute path"
              : "entry \"" + entry + "\" is outside the target folder";
    }
    String url =
        server.serve(
            "/evil-" + Integer.toHexString(entry.hashCode()) + ".tar.gz",
            Tarballs.compress(tar.bytes(), GZIPOutputStream::new));
    String id = WharfInProcess.newRunId();

    var result = WharfInProcess.run(folder, "run", "--id", id, url);

    assertThat(result.status()).as(result.report()).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(result.err())
        .as(result.report())
        .contains("Error: ", "failed to untar context: " + expected);
    assertThat(Path.of("/tmp/wharf-it-escape")).doesNotExist();
    assertNothingLeft(docker, id);
  }
}
