package dev.wharf.server.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Where run logs and uploaded source archives live: files, or the shared database. */
public interface BlobStore {
  /** Appends whole lines to a run's log; they are durable when this returns. */
  void appendLog(String runId, byte[] lines);

  /**
   * Reads a run's log from {@code offset} up to and including the last complete line, at most
   * {@code max} bytes (unless one line is longer); empty when there is nothing new or no log yet.
   */
  byte[] readLines(String runId, long offset, int max);

  /** How many bytes of a run's log are stored (0 when it has none). */
  long logLength(String runId);

  /** Whether a run has a stored log. */
  boolean hasLog(String runId);

  /**
   * Gives up the room kept back on a full disk, so that the end of the run that met it can be
   * recorded (see {@link DataDisk}); nothing for a store without a disk of its own.
   */
  default void makeRoom() {}

  /** Deletes a run's log (retention). */
  void deleteLog(String runId);

  /** The largest upload this store can keep, whatever the configured limit. */
  default long largestUpload() {
    return Long.MAX_VALUE;
  }

  /** Stores an uploaded archive and answers its id; it is never held in memory whole. */
  String putUpload(InputStream content);

  /** Whether an upload with this id exists. */
  boolean hasUpload(String id);

  /**
   * A local file holding the uploaded archive {@code id}.
   *
   * @throws IllegalArgumentException when there is no such upload (or the id is not one)
   */
  Path upload(String id);

  /** Deletes an uploaded archive. */
  void deleteUpload(String id);

  /**
   * The uploads stored before {@code cutoffMillis} (epoch milliseconds); partial uploads of
   * requests that broke off before then are deleted.
   */
  List<String> uploadsBefore(long cutoffMillis);

  /** The blob store for a server: the database when it is shared PostgreSQL, else files. */
  static BlobStore forServer(Database db, Path dataDir) {
    return db.dialect() == SqlDialect.POSTGRESQL
        ? new DatabaseBlobStore(db, dataDir)
        : new FileBlobStore(dataDir);
  }

  /** A fresh upload id. */
  static String newUploadId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Refuses ids that are not upload ids (they become file names). */
  static void checkUploadId(String id) {
    if (id == null || !id.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("not an upload id: " + id);
    }
  }

  /** Refuses ids that are not run ids (they become file names). */
  static void checkRunId(String runId) {
    if (runId == null || !runId.matches("[a-z0-9]{1,32}")) {
      throw new IllegalArgumentException("not a run id: " + runId);
    }
  }
}
