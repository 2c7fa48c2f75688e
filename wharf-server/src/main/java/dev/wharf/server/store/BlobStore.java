package dev.wharf.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

/** Run logs and uploaded source archives, kept as files under the data directory. */
public final class BlobStore {
  private final Path logs;
  private final Path uploads;

  /** A blob store rooted at {@code dataDir}. */
  public BlobStore(Path dataDir) {
    this.logs = dataDir.resolve("logs");
    this.uploads = dataDir.resolve("uploads");
    try {
      Files.createDirectories(logs);
      Files.createDirectories(uploads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the blob store in " + dataDir, e);
    }
  }

  /** Appends {@code bytes} to a run's log and forces them to disk before returning. */
  public void appendLog(String runId, byte[] bytes) {
    try (FileChannel channel =
        FileChannel.open(
            logFile(runId),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the log of " + runId, e);
    }
  }

  /**
   * Reads a run's log from {@code offset} up to and including the last complete line, at most
   * {@code max} bytes; empty when there is nothing new (or no log yet).
   */
  public byte[] readLines(String runId, long offset, int max) {
    Path file = logFile(runId);
    if (!Files.exists(file)) {
      return new byte[0];
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long available = channel.size() - offset;
      if (available <= 0) {
        return new byte[0];
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(available, max));
      while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
        // keep reading until the buffer is full
      }
      byte[] bytes = buffer.array();
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      return Arrays.copyOf(bytes, end);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log of " + runId, e);
    }
  }

  /** Whether a run has a stored log. */
  public boolean hasLog(String runId) {
    return Files.exists(logFile(runId));
  }

  /** Deletes a run's log (retention). */
  public void deleteLog(String runId) {
    delete(logFile(runId));
  }

  /** Stores an uploaded archive and answers its id. */
  public String putUpload(InputStream content) {
    String id = UUID.randomUUID().toString().replace("-", "");
    Path partial = uploads.resolve(id + ".part");
    try {
      Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, upload(id), StandardCopyOption.ATOMIC_MOVE);
      return id;
    } catch (IOException e) {
      delete(partial);
      throw new UncheckedIOException("cannot store an upload", e);
    }
  }

  /** Where an uploaded archive is; the id must be one {@link #putUpload} answered. */
  public Path upload(String id) {
    if (!id.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("not an upload id: " + id);
    }
    return uploads.resolve(id + ".tar.gz");
  }

  /** Deletes an uploaded archive. */
  public void deleteUpload(String id) {
    delete(upload(id));
  }

  private Path logFile(String runId) {
    if (!runId.matches("[a-z0-9]{1,32}")) {
      throw new IllegalArgumentException("not a run id: " + runId);
    }
    return logs.resolve(runId + ".log");
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
