package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarballSourceTest {

  static FileHttpServer server;
  static byte[] sample;

  @BeforeAll
  static void start() throws IOException {
    server = new FileHttpServer();
    sample =
        new Tarballs()
            .dir("app")
            .file("app/Dockerfile", "FROM scratch\n", 0644)
            .file("app/run.sh", "#!/bin/sh\n", 0755)
            .symlink("app/current", "run.sh")
            .hardlink("app/copy.sh", "app/run.sh")
            .bytes();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TarContents fetch(String url) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SourceInfo info = SourceContext.of(url, SourceOptions.defaults()).writeTo(out);
    assertThat(info.commit()).isEmpty();
    return TarContents.read(out.toByteArray());
  }

  private static TarContents fetchWithFastRetries(String url) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TarballSource(url, SourceOptions.defaults(), Duration.ofMillis(5)).writeTo(out);
    return TarContents.read(out.toByteArray());
  }

  private static void assertSample(TarContents tar) {
    assertThat(tar.text()).containsEntry("app/Dockerfile", "FROM scratch\n");
    assertThat(tar.entries().get("app/run.sh").getMode()).isEqualTo(0755);
    assertThat(tar.entries().get("app/current").getLinkName()).isEqualTo("run.sh");
    assertThat(tar.text()).containsEntry("app/copy.sh", "#!/bin/sh\n");
  }

  @Test
  void writeTo_plainTar_extractedAndRepacked() throws IOException {
    assertSample(fetch(server.serve("/plain.tar", sample)));
  }

  @Test
  void writeTo_refusedArchive_removesTemporaryFolder() throws IOException {
    String url = server.serve("/evil-cleanup.tar", new Tarballs().file("../x", "x", 0644).bytes());
    Set<Path> before = downloads();

    assertThatThrownBy(() -> fetch(url)).isInstanceOf(SourceException.class);

    assertThat(downloads()).isSubsetOf(before);
  }

  private static Set<Path> downloads() throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return paths
          .filter(p -> p.getFileName().toString().startsWith("wharf-url-"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void writeTo_gzipTar_extracted() throws IOException {
    byte[] gz = Tarballs.compress(sample, GZIPOutputStream::new);
    assertSample(fetch(server.serve("/app.tar.gz", gz)));
  }

  @Test
  void writeTo_bzip2Tar_extracted() throws IOException {
    byte[] bz = Tarballs.compress(sample, BZip2CompressorOutputStream::new);
    assertSample(fetch(server.serve("/app.tar.bz2", bz)));
  }

  @Test
  void writeTo_xzTar_extracted() throws IOException {
    byte[] xz = Tarballs.compress(sample, XZCompressorOutputStream::new);
    assertSample(fetch(server.serve("/app.tar.xz", xz)));
  }

  @Test
  void writeTo_zstdTar_extracted() throws IOException {
    byte[] zstd = Tarballs.compress(sample, ZstdCompressorOutputStream::new);
    assertSample(fetch(server.serve("/app.tar.zst", zstd)));
  }

  @Test
  void writeTo_notAnArchive_clearError() {
    String url = server.serve("/page.html", "<html>hello</html>".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> fetch(url))
        .isInstanceOf(SourceException.class)
        .hasMessage("failed to untar context: the content is not a tar archive");
  }

  @Test
  void writeTo_twoServerErrorsThenSuccess_retried() throws IOException {
    server.serve("/flaky.tar", sample);
    server.failFirst("/flaky.tar", 503, 502);

    assertSample(fetchWithFastRetries(server.url("/flaky.tar")));
    assertThat(server.requests.stream().filter("/flaky.tar"::equals)).hasSize(3);
  }

  @Test
  void writeTo_serverErrorsEveryTime_failsAfterThreeAttempts() {
    server.serve("/down.tar", sample);
    server.failFirst("/down.tar", 500, 500, 503, 500);
    String url = server.url("/down.tar");

    assertThatThrownBy(() -> fetchWithFastRetries(url))
        .isInstanceOf(SourceException.class)
        .hasMessage("failed to GET " + url + " with status 503");
    assertThat(server.requests.stream().filter("/down.tar"::equals)).hasSize(3);
  }

  @Test
  void writeTo_truncatedGzip_retriedThenFails() throws IOException {
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    byte[] big =
        new Tarballs()
            .file("noise.txt", new String(noise, StandardCharsets.ISO_8859_1), 0644)
            .bytes();
    byte[] gz = Tarballs.compress(big, GZIPOutputStream::new);
    String url = server.serve("/truncated.tar.gz", Arrays.copyOf(gz, gz.length / 2));

    assertThatThrownBy(() -> fetchWithFastRetries(url))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("failed to untar context: ");
    assertThat(server.requests.stream().filter("/truncated.tar.gz"::equals)).hasSize(3);
  }

  @Test
  void writeTo_notFound_failsWithoutRetry() {
    String url = server.url("/missing.tar");

    assertThatThrownBy(() -> fetchWithFastRetries(url))
        .isInstanceOf(SourceException.class)
        .hasMessage("failed to GET " + url + " with status 404");
    assertThat(server.requests.stream().filter("/missing.tar"::equals)).hasSize(1);
  }

  @Test
  void writeTo_credentialsInUrl_sentAsBasicAuthAndRedacted() throws IOException {
    server.serve("/private.tar", sample);
    String url = server.url("/private.tar").replace("http://", "http://me:pa55word@");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SourceInfo info = SourceContext.of(url, SourceOptions.defaults()).writeTo(out);

    assertThat(server.authorizations).contains("Basic bWU6cGE1NXdvcmQ=");
    assertThat(info.description()).doesNotContain("pa55word").endsWith("/private.tar");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dotdot", "absolute", "symlinkAbsolute", "symlinkUp", "hardlinkUp"})
  void writeTo_maliciousArchive_rejected(String kind) throws IOException {
    Tarballs tar = new Tarballs().file("ok.txt", "fine", 0644);
    String expected =
        switch (kind) {
          case "dotdot" -> {
            tar.file("../x", "escape", 0644);
            yield "entry \"../x\" is outside the target folder";
          }
          case "absolute" -> {
            tar.file("/tmp/wharf-evil", "escape", 0644);
            yield "entry \"/tmp/wharf-evil\" has an absolute path";
          }
          case "symlinkAbsolute" -> {
            tar.symlink("etc", "/etc");
            yield "symbolic link \"etc\" points outside the target folder: /etc";
          }
          case "symlinkUp" -> {
            tar.dir("a").symlink("a/up", "../../..");
            yield "symbolic link \"a/up\" points outside the target folder: ../../..";
          }
          default -> {
            tar.hardlink("passwd", "../../etc/passwd");
            yield "hard link \"passwd\" points outside the target folder: ../../etc/passwd";
          }
        };
    String url = server.serve("/evil-" + kind + ".tar", tar.bytes());

    assertThatThrownBy(() -> fetch(url))
        .isInstanceOf(SourceException.class)
        .hasMessage("failed to untar context: " + expected);
  }

  @Test
  void writeTo_linkThenEntryThroughIt_rejectedWhenTheRealPathLeaves() throws IOException {
    // "a/b/x" points at the root (inside); a link under it that climbs two more levels is out.
    byte[] tar =
        new Tarballs().dir("a/b").symlink("a/b/x", "../..").symlink("a/b/x/y", "../../..").bytes();
    String url = server.serve("/evil-chain.tar", tar);

    assertThatThrownBy(() -> fetch(url))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("points outside the target folder");
  }

  @Test
  void writeTo_serverOptions_refuseALoopbackHost() {
    String url = server.serve("/local.tar", sample);
    SourceOptions serverSide = SourceOptions.defaults().withLocalContexts(false);

    assertThatThrownBy(() -> SourceContext.of(url, serverSide).writeTo(new ByteArrayOutputStream()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("is a local or private address (127.0.0.1)")
        .hasMessageContaining("--allow-local-contexts");
    assertThat(server.requests).doesNotContain("/local.tar");
  }

  @Test
  void of_serverOptions_refuseFoldersAndFileUrls() {
    SourceOptions serverSide = SourceOptions.defaults().withLocalContexts(false);

    assertThatThrownBy(() -> SourceContext.of("/etc", serverSide))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("on the server's own disk");
    assertThatThrownBy(() -> SourceContext.of("file:///srv/repo.git", serverSide))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("on the server's own disk");
  }

  @Test
  void writeTo_signedUrlFailing_errorHasNoQueryString() {
    String url = server.url("/signed.tar") + "?sv=1&sig=s3cr3t-signature";

    assertThatThrownBy(() -> fetchWithFastRetries(url))
        .isInstanceOf(SourceException.class)
        .hasMessageEndingWith("/signed.tar?<REDACTED> with status 404")
        .hasMessageNotContaining("s3cr3t-signature");
  }
}
