package dev.wharf.server.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Run logs and uploads kept in the database, so that servers sharing one PostgreSQL see each
 * other's: a log is a series of chunks with byte offsets; an upload is copied to a local cache file
 * when an agent needs it.
 */
final class DatabaseBlobStore implements BlobStore {
  private static final int ROWS_PER_READ = 2000;

  private final Database db;
  private final Path cache;

  DatabaseBlobStore(Database db, Path dataDir) {
    this.db = db;
    this.cache = dataDir.resolve("upload-cache");
    try {
      Files.createDirectories(cache);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload cache in " + dataDir, e);
    }
  }

  @Override
  public void appendLog(String runId, byte[] lines) {
    BlobStore.checkRunId(runId);
    db.write(
        handle -> {
          long start =
              handle
                  .createQuery(
                      "SELECT COALESCE(MAX(end_offset), 0) FROM log_chunks WHERE run_id = :runId")
                  .bind("runId", runId)
                  .mapTo(Long.class)
                  .one();
          return handle
              .createUpdate(
                  "INSERT INTO log_chunks (run_id, start_offset, end_offset, content)"
                      + " VALUES (:runId, :start, :end, :content)")
              .bind("runId", runId)
              .bind("start", start)
              .bind("end", start + lines.length)
              .bind("content", lines)
              .execute();
        });
  }

  @Override
  public byte[] readLines(String runId, long offset, int max) {
    List<Chunk> chunks =
        db.read(
            handle ->
                handle
                    .createQuery(
                        "SELECT start_offset, content FROM log_chunks WHERE run_id = :runId"
                            + " AND end_offset > :offset ORDER BY start_offset LIMIT "
                            + ROWS_PER_READ)
                    .bind("runId", runId)
                    .bind("offset", offset)
                    .map((rs, ctx) -> new Chunk(rs.getLong(1), rs.getBytes(2)))
                    .list());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Chunk chunk : chunks) {
      int skip = (int) Math.max(0, offset - chunk.start());
      out.write(chunk.content(), skip, chunk.content().length - skip);
      if (out.size() >= max) {
        break;
      }
    }
    byte[] bytes = out.toByteArray();
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }

  @Override
  public long logLength(String runId) {
    BlobStore.checkRunId(runId);
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT COALESCE(MAX(end_offset), 0) FROM log_chunks WHERE run_id = :runId")
                .bind("runId", runId)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public boolean hasLog(String runId) {
    return exists("SELECT COUNT(*) FROM log_chunks WHERE run_id = :id", runId);
  }

  @Override
  public void deleteLog(String runId) {
    db.write(
        handle ->
            handle
                .createUpdate("DELETE FROM log_chunks WHERE run_id = :runId")
                .bind("runId", runId)
                .execute());
  }

  @Override
  public String putUpload(InputStream content) {
    String id = BlobStore.newUploadId();
    byte[] bytes;
    try {
      bytes = content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an upload", e);
    }
    db.write(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO uploads (id, content, create_time) VALUES (:id, :content, :now)")
                .bind("id", id)
                .bind("content", bytes)
                .bind("now", System.currentTimeMillis())
                .execute());
    return id;
  }

  @Override
  public boolean hasUpload(String id) {
    BlobStore.checkUploadId(id);
    return exists("SELECT COUNT(*) FROM uploads WHERE id = :id", id);
  }

  @Override
  public Path upload(String id) {
    BlobStore.checkUploadId(id);
    Path file = cache.resolve(id + ".tar.gz");
    if (Files.exists(file)) {
      return file;
    }
    byte[] bytes =
        db.read(
            handle ->
                handle
                    .createQuery("SELECT content FROM uploads WHERE id = :id")
                    .bind("id", id)
                    .mapTo(byte[].class)
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no upload " + id)));
    try {
      Path partial = Files.createTempFile(cache, id, ".part");
      Files.write(partial, bytes);
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache upload " + id, e);
    }
  }

  @Override
  public void deleteUpload(String id) {
    BlobStore.checkUploadId(id);
    db.write(
        handle ->
            handle.createUpdate("DELETE FROM uploads WHERE id = :id").bind("id", id).execute());
    try {
      Files.deleteIfExists(cache.resolve(id + ".tar.gz"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the cached upload " + id, e);
    }
  }

  @Override
  public List<String> uploadsBefore(long cutoffMillis) {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT id FROM uploads WHERE create_time < :cutoff")
                .bind("cutoff", cutoffMillis)
                .mapTo(String.class)
                .list());
  }

  private boolean exists(String sql, String id) {
    return db.read(handle -> handle.createQuery(sql).bind("id", id).mapTo(Long.class).one()) > 0;
  }

  // Never compared or hashed: a chunk only carries bytes from the query to the stream.
  @SuppressWarnings("ArrayRecordComponent")
  private record Chunk(long start, byte[] content) {}
}
