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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Run logs and uploaded source archives as files under the data directory (one server). */
public final class FileBlobStore implements BlobStore {
  private final Path logs;
  private final Path uploads;
  private final DataDisk disk;

  /** A blob store rooted at {@code dataDir}. */
  public FileBlobStore(Path dataDir) {
    this.logs = dataDir.resolve("logs");
    this.uploads = dataDir.resolve("uploads");
    try {
      Files.createDirectories(logs);
      Files.createDirectories(uploads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the blob store in " + dataDir, e);
    }
    this.disk = new DataDisk(dataDir);
  }

  @Override
  public void appendLog(String runId, byte[] bytes) {
    long before = -1;
    try (FileChannel channel =
        FileChannel.open(
            logFile(runId),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      before = channel.size();
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        // lines are appended whole or not at all: a torn line would join the next one
        channel.truncate(before);
        throw e;
      }
    } catch (IOException e) {
      if (DataDisk.isFull(e)) {
        disk.release();
        throw new DataDisk.Full(e);
      }
      throw new UncheckedIOException("cannot append to the log of " + runId, e);
    }
    disk.refill();
  }

  @Override
  public void makeRoom() {
    disk.release();
  }

  @Override
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

  @Override
  public long logLength(String runId) {
    try {
      Path file = logFile(runId);
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log of " + runId, e);
    }
  }

  @Override
  public boolean hasLog(String runId) {
    return Files.exists(logFile(runId));
  }

  @Override
  public void deleteLog(String runId) {
    delete(logFile(runId));
  }

  @Override
  public String putUpload(InputStream content) {
    String id = BlobStore.newUploadId();
    Path partial = uploads.resolve(id + ".part");
    try {
      Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, uploadFile(id), StandardCopyOption.ATOMIC_MOVE);
      return id;
    } catch (IOException e) {
      delete(partial);
      throw new UncheckedIOException("cannot store an upload", e);
    }
  }

  @Override
  public Path upload(String id) {
    Path file = uploadFile(id);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no upload " + id);
    }
    return file;
  }

  @Override
  public void deleteUpload(String id) {
    delete(uploadFile(id));
  }

  @Override
  public boolean hasUpload(String id) {
    return Files.exists(uploadFile(id));
  }

  private Path uploadFile(String id) {
    BlobStore.checkUploadId(id);
    return uploads.resolve(id + ".tar.gz");
  }

  @Override
  public List<String> uploadsBefore(long cutoffMillis) {
    List<String> old = new ArrayList<>();
    try (Stream<Path> files = Files.list(uploads)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (Files.getLastModifiedTime(file).toMillis() >= cutoffMillis) {
          continue;
        }
        if (name.endsWith(".tar.gz")) {
          old.add(name.substring(0, name.length() - ".tar.gz".length()));
        } else if (name.endsWith(".part")) {
          delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the uploads in " + uploads, e);
    }
    return old;
  }

  private Path logFile(String runId) {
    BlobStore.checkRunId(runId);
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
