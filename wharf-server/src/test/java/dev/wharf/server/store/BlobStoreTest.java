package dev.wharf.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path dir;

  @Test
  void readLines_partialLastLine_isHeldBackUntilComplete() {
    BlobStore blobs = new BlobStore(dir);
    blobs.appendLog("wa1", "one\ntw".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(blobs.readLines("wa1", 0, 100), StandardCharsets.UTF_8))
        .isEqualTo("one\n");
    blobs.appendLog("wa1", "o\n".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(blobs.readLines("wa1", 4, 100), StandardCharsets.UTF_8))
        .isEqualTo("two\n");
  }

  @Test
  void readLines_noLogYet_isEmpty() {
    assertThat(new BlobStore(dir).readLines("wa9", 0, 100)).isEmpty();
  }

  @Test
  void putUpload_storesTheBytesUnderANewId() throws Exception {
    BlobStore blobs = new BlobStore(dir);

    String id = blobs.putUpload(new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThat(Files.readAllBytes(blobs.upload(id))).containsExactly(1, 2, 3);
  }

  @Test
  void upload_pathTraversalId_isRefused() {
    assertThatThrownBy(() -> new BlobStore(dir).upload("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
