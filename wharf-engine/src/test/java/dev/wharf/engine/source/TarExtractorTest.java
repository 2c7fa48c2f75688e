package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarExtractorTest {

  @TempDir Path host;
  private Path root;
  private Path victim;

  @BeforeEach
  void folders() throws IOException {
    root = Files.createDirectory(host.resolve("root"));
    victim = Files.writeString(host.resolve("victim"), "host file");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
  }

  /** {@code a/b/up} leads to the root, {@code a/b/out} through it one level above the root. */
  private static Tarballs linksOut() throws IOException {
    return new Tarballs().dir("a/b").symlink("a/b/up", "../..").symlink("a/b/out", "up/..");
  }

  @Test
  void extract_folderReplacedByALinkOut_neverChmodsTheHostFile() throws IOException {
    byte[] tar = linksOut().dir("d").symlink("d", "a/b/out/victim").bytes();

    try {
      TarExtractor.extract(new ByteArrayInputStream(tar), root);
    } catch (SourceException refused) {
      // refusing is fine too; changing the host file is not
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
        .isEqualTo("rw-------");
  }

  @Test
  void extract_entryThroughALinkOut_refusedBeforeCreatingAnything() throws IOException {
    byte[] tar = linksOut().file("a/b/out/created/x", "escape", 0644).bytes();

    assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(tar), root))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "failed to untar context: entry \"a/b/out/created/x\" leads outside the target folder"
                + " through a link");
    assertThat(host.resolve("created")).doesNotExist();
  }

  @Test
  void extract_folderEntryThroughALinkOut_refused() throws IOException {
    byte[] tar = linksOut().dir("a/b/out/made").bytes();

    assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(tar), root))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("through a link");
    assertThat(host.resolve("made")).doesNotExist();
  }

  @Test
  void extract_fileOverALinkOut_replacesTheLinkNotTheHostFile() throws IOException {
    byte[] tar = linksOut().symlink("f", "a/b/out/victim").file("f", "inside", 0777).bytes();

    TarExtractor.extract(new ByteArrayInputStream(tar), root);

    assertThat(victim).hasContent("host file");
    assertThat(Files.isSymbolicLink(root.resolve("f"))).isFalse();
    assertThat(root.resolve("f")).hasContent("inside");
  }

  @Test
  void extract_entryThroughALinkInside_followsIt() throws IOException {
    byte[] tar =
        new Tarballs().dir("real").symlink("alias", "real").file("alias/x", "1", 0644).bytes();

    TarExtractor.extract(new ByteArrayInputStream(tar), root);

    assertThat(root.resolve("real/x")).hasContent("1");
  }

  @Test
  void extract_moreEntriesThanTheLimit_refused() throws IOException {
    Tarballs tar = new Tarballs();
    for (int i = 0; i < 4; i++) {
      tar.file("f" + i, "x", 0644);
    }
    byte[] bytes = tar.bytes();

    assertThatThrownBy(
            () ->
                TarExtractor.extract(
                    new ByteArrayInputStream(bytes), root, new ExtractionLimits(1 << 20, 3, 100)))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "failed to untar context: the archive has more than 3 entries, the limit for a"
                + " context");
  }

  @Test
  void extract_moreBytesThanTheLimit_refusedMidEntry() throws IOException {
    byte[] bytes = new Tarballs().file("big", "x".repeat(200_000), 0644).bytes();

    assertThatThrownBy(
            () ->
                TarExtractor.extract(
                    new ByteArrayInputStream(bytes), root, new ExtractionLimits(100_000, 10, 100)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("expands to more than 100000 bytes");
  }

  @Test
  void extract_gzipBomb_refusedForItsRatio() throws IOException {
    byte[] bomb = gzippedZeros(64L * 1024 * 1024);

    assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(bomb), root))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("expands more than 100 times its compressed size");
    assertThat(Files.size(root.resolve("zeros"))).isLessThan(64L * 1024 * 1024);
  }

  private static byte[] gzippedZeros(long size) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      TarArchiveEntry entry = new TarArchiveEntry("zeros");
      entry.setSize(size);
      tar.putArchiveEntry(entry);
      byte[] block = new byte[1 << 20];
      for (long written = 0; written < size; written += block.length) {
        tar.write(block);
      }
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }
}
