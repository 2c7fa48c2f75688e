package dev.wharf.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class ArchiveTest {

  @Test
  void stream_filesOfAnySize_readBackByteExactWithTheirModes() throws Exception {
    byte[] big = new byte[1500];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7);
    }
    Archive archive =
        new Archive()
            .file("token", "no newline".getBytes(StandardCharsets.UTF_8), 0400)
            .file("dir/big.bin", big, 0644)
            .file("empty", new byte[0], 0600);

    List<TarArchiveEntry> entries = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(archive.stream())) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.add(e);
        contents.add(tar.readAllBytes());
      }
    }

    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly("token", "dir/big.bin", "empty");
    assertThat(entries).extracting(TarArchiveEntry::getMode).containsExactly(0400, 0644, 0600);
    assertThat(new String(contents.get(0), StandardCharsets.UTF_8)).isEqualTo("no newline");
    assertThat(contents.get(1)).isEqualTo(big);
    assertThat(contents.get(2)).isEmpty();
  }

  @Test
  void file_absoluteOrOverlongName_isRejected() {
    assertThatThrownBy(() -> new Archive().file("/etc/passwd", new byte[0], 0644))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Archive().file("x".repeat(101), new byte[0], 0644))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void file_laterChangesToTheCallersBytes_doNotLeakIn() throws Exception {
    byte[] secret = "abc".getBytes(StandardCharsets.UTF_8);
    Archive archive = new Archive().file("s", secret, 0400);
    secret[0] = 'z';

    try (TarArchiveInputStream tar = new TarArchiveInputStream(archive.stream())) {
      tar.getNextEntry();
      assertThat(new String(tar.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
  }
}
