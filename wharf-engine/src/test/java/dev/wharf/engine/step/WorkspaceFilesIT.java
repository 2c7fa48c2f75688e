package dev.wharf.engine.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.VolumeSpec;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.Tar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packed context answers build steps exactly as the workspace volume filled from it does: the
 * same files under the same names, for the whole workspace, a folder and a single file.
 */
@DockerTest
class WorkspaceFilesIT {

  private static final Map<String, String> CONTEXT =
      Map.of(
          "Dockerfile", "FROM scratch\n",
          "app/Dockerfile", "FROM wharf-test/busybox\n",
          "app/src/main.sh", "echo hello",
          "app/.dockerignore", "*.log\n",
          "other/secret.txt", "s3cret");

  private ContainerEngine engine;
  private String volume;
  private WorkspaceFiles fromVolume;
  private WorkspaceFiles packed;

  @BeforeEach
  void setUp(ContainerEngine engine, LocalDocker docker) throws Exception {
    this.engine = engine;
    volume = docker.uniqueName("workspace");
    engine.createVolume(VolumeSpec.named(volume));
    engine.uploadToVolume(volume, "", Tar.ofText(CONTEXT));
    fromVolume = WorkspaceFiles.volume(engine, volume);
    packed = WorkspaceFiles.packed(() -> Tar.ofText(CONTEXT));
  }

  @AfterEach
  void removeVolume() throws EngineException {
    engine.removeVolume(volume);
  }

  @Test
  void archive_ofAFolder_holdsTheSameFilesUnderTheFolderName() throws Exception {
    assertThat(files(packed, "app"))
        .isEqualTo(files(fromVolume, "app"))
        .containsOnlyKeys("app/Dockerfile", "app/src/main.sh", "app/.dockerignore");
  }

  @Test
  void archive_ofTheWholeWorkspace_holdsEveryFileBelowOneTopFolder() throws Exception {
    assertThat(withoutTop(files(packed, ""))).isEqualTo(withoutTop(files(fromVolume, "")));
    assertThat(withoutTop(files(packed, ""))).hasSize(CONTEXT.size());
  }

  @Test
  void archive_ofAFile_holdsItUnderItsOwnName() throws Exception {
    assertThat(files(packed, "other/secret.txt"))
        .isEqualTo(files(fromVolume, "other/secret.txt"))
        .isEqualTo(Map.of("secret.txt", "s3cret"));
  }

  @Test
  void archive_ofAMissingPath_failsAsTheEngineFails() {
    assertThatThrownBy(() -> fromVolume.archive("app/nope")).isInstanceOf(EngineException.class);
    assertThatThrownBy(() -> packed.archive("app/nope"))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("/app/nope");
  }

  @Test
  void archive_throughAFolderThatIsASymbolicLink_followsTheLinkAsTheEngineDoes() throws Exception {
    byte[] withLinks = withLinks(Tar.ofText(CONTEXT).readAllBytes());
    String linked = volume + "-links";
    engine.createVolume(VolumeSpec.named(linked));
    try {
      engine.uploadToVolume(linked, "", new ByteArrayInputStream(withLinks));
      WorkspaceFiles volumeWithLinks = WorkspaceFiles.volume(engine, linked);
      WorkspaceFiles packedWithLinks =
          WorkspaceFiles.packed(() -> new ByteArrayInputStream(withLinks));

      assertThat(files(packedWithLinks, "linked/src"))
          .isEqualTo(files(volumeWithLinks, "linked/src"))
          .isEqualTo(Map.of("src/main.sh", "echo hello"));
      assertThat(files(packedWithLinks, "nested/up/Dockerfile"))
          .isEqualTo(files(volumeWithLinks, "nested/up/Dockerfile"))
          .isEqualTo(Map.of("Dockerfile", "FROM wharf-test/busybox\n"));
      assertThatThrownBy(() -> packedWithLinks.archive("outside/etc/hostname"))
          .isInstanceOf(EngineException.class);
    } finally {
      engine.removeVolume(linked);
    }
  }

  /**
   * {@code archive} and three links: {@code linked -> app}, {@code nested/up -> ../app} and {@code
   * outside -> /} (which must not reach the host's or the helper container's files).
   */
  private static byte[] withLinks(byte[] archive) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive));
        TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putArchiveEntry(entry);
        in.transferTo(out);
        out.closeArchiveEntry();
      }
      TarArchiveEntry nested = new TarArchiveEntry("nested/");
      out.putArchiveEntry(nested);
      out.closeArchiveEntry();
      for (String[] link :
          new String[][] {{"linked", "app"}, {"nested/up", "../app"}, {"outside", "/"}}) {
        TarArchiveEntry entry = new TarArchiveEntry(link[0], TarConstants.LF_SYMLINK);
        entry.setLinkName(link[1]);
        out.putArchiveEntry(entry);
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void archive_ofFilesWithSubSecondTimes_startsWithAPlainHeaderAndWholeSeconds() throws Exception {
    // A packed local folder keeps nanosecond times; an extended header in front of the first file
    // would make BuildKit take the whole context for a Dockerfile.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry entry = new TarArchiveEntry("ctx/Dockerfile");
      byte[] text = "FROM scratch\n".getBytes(StandardCharsets.UTF_8);
      entry.setSize(text.length);
      entry.setModTime(FileTime.from(Instant.parse("2026-01-02T03:04:05.123456789Z")));
      tar.putArchiveEntry(entry);
      tar.write(text);
      tar.closeArchiveEntry();
    }
    WorkspaceFiles nanos =
        WorkspaceFiles.packed(() -> new ByteArrayInputStream(bytes.toByteArray()));

    try (InputStream archive = nanos.archive("ctx")) {
      byte[] first = archive.readNBytes(512);
      assertThat((char) first[156]).as("type of the first header").isNotEqualTo('x');
    }
    try (TarArchiveInputStream tar = new TarArchiveInputStream(nanos.archive("ctx"))) {
      TarArchiveEntry entry = tar.getNextEntry();
      assertThat(entry.getName()).isEqualTo("ctx/Dockerfile");
      assertThat(entry.getLastModifiedTime().toInstant())
          .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }
  }

  private static Map<String, String> files(WorkspaceFiles files, String path)
      throws IOException, EngineException {
    Map<String, String> texts = new LinkedHashMap<>();
    // Tar.files closes the archive, which removes the volume's helper container.
    Tar.files(files.archive(path))
        .forEach((name, bytes) -> texts.put(name, new String(bytes, StandardCharsets.UTF_8)));
    return new TreeMap<>(texts);
  }

  private static Map<String, String> withoutTop(Map<String, String> files) {
    Map<String, String> stripped = new TreeMap<>();
    files.forEach((name, text) -> stripped.put(name.substring(name.indexOf('/') + 1), text));
    return stripped;
  }
}
