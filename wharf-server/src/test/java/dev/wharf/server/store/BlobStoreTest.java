package dev.wharf.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract both blob stores keep: files (one server) and the database (shared). */
class BlobStoreTest {
  @TempDir Path dir;
  private Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private BlobStore store(String kind) {
    if (kind.equals("file")) {
      return new FileBlobStore(dir);
    }
    db = Database.open(Database.sqliteUrl(dir));
    return new DatabaseBlobStore(db, dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "database"})
  void readLines_fromAnOffset_givesWholeLinesOnly(String kind) {
    BlobStore blobs = store(kind);
    blobs.appendLog("wa1", "one\n".getBytes(StandardCharsets.UTF_8));
    blobs.appendLog("wa1", "two\nthree\n".getBytes(StandardCharsets.UTF_8));

    assertThat(text(blobs.readLines("wa1", 0, 1000))).isEqualTo("one\ntwo\nthree\n");
    assertThat(text(blobs.readLines("wa1", 4, 1000))).isEqualTo("two\nthree\n");
    assertThat(text(blobs.readLines("wa1", 6, 1000))).isEqualTo("o\nthree\n");
    assertThat(blobs.readLines("wa1", 14, 1000)).isEmpty();
    assertThat(blobs.hasLog("wa1")).isTrue();
    blobs.deleteLog("wa1");
    assertThat(blobs.hasLog("wa1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "database"})
  void readLines_noLogYet_isEmpty(String kind) {
    assertThat(store(kind).readLines("wa9", 0, 100)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "database"})
  void putUpload_storesTheBytesUnderANewId(String kind) throws Exception {
    BlobStore blobs = store(kind);

    String id = blobs.putUpload(new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThat(blobs.hasUpload(id)).isTrue();
    assertThat(Files.readAllBytes(blobs.upload(id))).containsExactly(1, 2, 3);
    blobs.deleteUpload(id);
    assertThat(blobs.hasUpload(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "database"})
  void putUpload_largerThanManySlices_readsBackByteExact_onAnotherServer(String kind)
      throws Exception {
    BlobStore blobs = store(kind);
    byte[] content = new byte[20 * DatabaseBlobStore.SLICE_BYTES + 12345];
    new Random(42).nextBytes(content);

    String id = blobs.putUpload(new ByteArrayInputStream(content));
    // another server sharing the database has no cached copy: it reads the rows back in slices
    BlobStore reader =
        kind.equals("file")
            ? blobs
            : new DatabaseBlobStore(db, Files.createDirectories(dir.resolve("other")));

    assertThat(Files.readAllBytes(reader.upload(id))).isEqualTo(content);
    try (Stream<Path> cached = Files.walk(dir)) {
      assertThat(cached.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "database"})
  void upload_gone_isRefusedAsUnknown(String kind) {
    BlobStore blobs = store(kind);
    String id = blobs.putUpload(new ByteArrayInputStream(new byte[] {1}));
    blobs.deleteUpload(id);

    assertThatThrownBy(() -> blobs.upload(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no upload " + id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "database"})
  void upload_pathTraversalId_isRefused(String kind) {
    BlobStore blobs = store(kind);

    assertThatThrownBy(() -> blobs.upload("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void readLines_partialLastLineInAFile_isHeldBackUntilComplete() {
    BlobStore blobs = new FileBlobStore(dir);
    blobs.appendLog("wa1", "one\ntw".getBytes(StandardCharsets.UTF_8));

    assertThat(text(blobs.readLines("wa1", 0, 100))).isEqualTo("one\n");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
