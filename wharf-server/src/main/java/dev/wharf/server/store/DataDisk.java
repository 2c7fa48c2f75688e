package dev.wharf.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The server's data disk (its {@code --data-dir}) running full: a write that found no space is
 * undone and reported as {@link Full}, and a reserve of {@link #RESERVE_BYTES} kept on the disk is
 * given up so that the database can still record how the affected run ended (docs/security.md).
 */
public final class DataDisk {

  /** Room kept back for recording a run's end when the disk is full. */
  static final int RESERVE_BYTES = 1024 * 1024;

  private static final long REFILL_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Path reserve;
  private boolean held;
  private long lastTry;

  /** The disk of {@code dataDir}, which must exist; its reserve is made when there is room. */
  public DataDisk(Path dataDir) {
    this.reserve = dataDir.resolve("disk-reserve");
    refill(true);
  }

  /**
   * Whether {@code e} says that the disk has no space left: a file write's {@code ENOSPC}, or
   * SQLite's {@code SQLITE_FULL} for a database in the data directory.
   */
  public static boolean isFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null
          && (message.contains("No space left on device")
              || message.contains("SQLITE_FULL")
              || message.contains("database or disk is full"))) {
        return true;
      }
    }
    return false;
  }

  /** Gives the reserve's room to whatever must be written now that the disk is full. */
  public synchronized void release() {
    try {
      Files.deleteIfExists(reserve);
    } catch (IOException e) {
      // nothing more can be freed here
    }
    held = false;
  }

  /** Makes the reserve again once there is room; tried at most every few seconds. */
  public synchronized void refill() {
    refill(false);
  }

  private void refill(boolean now) {
    if (held) {
      return;
    }
    long time = System.nanoTime();
    if (!now && time - lastTry < REFILL_PAUSE_NANOS) {
      return;
    }
    lastTry = time;
    try {
      if (Files.exists(reserve) && Files.size(reserve) == RESERVE_BYTES) {
        held = true;
        return;
      }
      try (OutputStream out = Files.newOutputStream(reserve)) {
        out.write(new byte[RESERVE_BYTES]); // written, not sparse: the space is really taken
      }
      held = true;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(reserve);
      } catch (IOException ignored) {
        // it stays until the next try
      }
    }
  }

  /** A write to the data disk found no space left; what it wrote was undone. */
  public static final class Full extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The message every run that meets a full data disk ends with. */
    public static final String MESSAGE = "no space left on the server's data disk";

    Full(Throwable cause) {
      super(MESSAGE, cause);
    }
  }
}
