package dev.wharf.server.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.argument.Argument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run logs and uploads kept in the database, so that servers sharing one PostgreSQL see each
 * other's: a log is a series of chunks with byte offsets; an upload is one row, written from a
 * spooled file as a stream and read back in slices into a local cache file when an agent needs it.
 */
final class DatabaseBlobStore implements BlobStore {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBlobStore.class);
  private static final int ROWS_PER_READ = 2000;

  /**
   * PostgreSQL keeps a value and a protocol message under 1 GiB, so an upload in one row stays
   * below that (docs/security.md#limits).
   */
  static final long LARGEST_UPLOAD = 1023L * 1024 * 1024;

  /** How much of an upload one query reads back. */
  static final int SLICE_BYTES = 1024 * 1024;

  private static final String PARTIAL = ".part";

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
  public long largestUpload() {
    return LARGEST_UPLOAD;
  }

  @Override
  public String putUpload(InputStream content) {
    String id = BlobStore.newUploadId();
    Path partial = null;
    try {
      // spooled to disk first: the insert needs the length, and the bytes never sit in memory
      partial = Files.createTempFile(cache, id, PARTIAL);
      long length = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      if (length > LARGEST_UPLOAD) {
        throw new IOException("an upload stored in the database is at most 1023 MiB");
      }
      Path spooled = partial;
      db.write(
          handle -> {
            try (InputStream in = Files.newInputStream(spooled)) {
              Argument stream =
                  (position, statement, ctx) ->
                      statement.setBinaryStream(position, in, (int) length);
              return handle
                  .createUpdate(
                      "INSERT INTO uploads (id, content, create_time) VALUES (:id, :content, :now)")
                  .bind("id", id)
                  .bind("content", stream)
                  .bind("now", System.currentTimeMillis())
                  .execute();
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read the spooled upload", e);
            }
          });
      // this server already holds the bytes: they become its cached copy
      Files.move(
          partial,
          cache.resolve(id + ".tar.gz"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store an upload", e);
    } finally {
      deleteQuietly(partial);
    }
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
    Path partial = null;
    try {
      partial = Files.createTempFile(cache, id, PARTIAL);
      try (OutputStream out = Files.newOutputStream(partial)) {
        copySlices(id, out);
      }
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache upload " + id, e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /**
   * Writes upload {@code id} to {@code out} one slice at a time, so that neither this server nor
   * the JDBC driver holds more than a slice of it (drivers read a selected value whole).
   */
  private void copySlices(String id, OutputStream out) {
    db.read(
        handle -> {
          long length =
              handle
                  .createQuery("SELECT length(content) FROM uploads WHERE id = :id")
                  .bind("id", id)
                  .mapTo(Long.class)
                  .findOne()
                  .orElseThrow(() -> new IllegalArgumentException("no upload " + id));
          for (long done = 0; done < length; ) {
            int expected = (int) Math.min(SLICE_BYTES, length - done);
            byte[] slice =
                handle
                    .createQuery(
                        "SELECT substr(content, :from, :count) FROM uploads WHERE id = :id")
                    .bind("id", id)
                    .bind("from", (int) done + 1)
                    .bind("count", expected)
                    .mapTo(byte[].class)
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no upload " + id));
            if (slice.length != expected) {
              throw new IllegalStateException("upload " + id + " changed while it was read");
            }
            try {
              out.write(slice);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot cache upload " + id, e);
            }
            done += expected;
          }
          return null;
        });
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
    deletePartialsBefore(cutoffMillis);
    return db.read(
        handle ->
            handle
                .createQuery("SELECT id FROM uploads WHERE create_time < :cutoff")
                .bind("cutoff", cutoffMillis)
                .mapTo(String.class)
                .list());
  }

  /** Spooled or half-cached files of requests that broke off (or of a server that stopped). */
  private void deletePartialsBefore(long cutoffMillis) {
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(PARTIAL)
            && Files.getLastModifiedTime(file).toMillis() < cutoffMillis) {
          deleteQuietly(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the upload cache " + cache, e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", file, e.toString());
    }
  }

  private boolean exists(String sql, String id) {
    return db.read(handle -> handle.createQuery(sql).bind("id", id).mapTo(Long.class).one()) > 0;
  }

  // Never compared or hashed: a chunk only carries bytes from the query to the stream.
  @SuppressWarnings("ArrayRecordComponent")
  private record Chunk(long start, byte[] content) {}
}
