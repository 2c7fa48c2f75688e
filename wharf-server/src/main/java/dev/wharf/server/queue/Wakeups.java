package dev.wharf.server.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes whoever waits for news (a run queued, a cancel asked for, log lines stored): within this
 * process directly, and across servers sharing one PostgreSQL through {@code LISTEN/NOTIFY}, so
 * that no waiter polls the database.
 *
 * <p>Each topic has a counter; a waiter reads it, checks the database, and waits for the counter to
 * move, so a wake-up between the check and the wait is never missed.
 */
public final class Wakeups implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Wakeups.class);
  private static final int LISTEN_POLL_MILLIS = 500;

  /** What happened. */
  public enum Topic {
    /** A run was queued. */
    QUEUED,
    /** Somebody asked to cancel a running run. */
    CANCEL,
    /** Log lines were stored, or a run ended. */
    LOG;

    String channel() {
      return "wharf_" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Map<Topic, long[]> counters = new EnumMap<>(Topic.class);
  private final String postgresUrl;
  private final Thread listener;
  private volatile boolean closed;
  private volatile Connection publisher;

  private Wakeups(String postgresUrl) {
    for (Topic topic : Topic.values()) {
      counters.put(topic, new long[1]);
    }
    this.postgresUrl = postgresUrl;
    if (postgresUrl == null) {
      listener = null;
    } else {
      listener = new Thread(this::listen, "wharf-listen");
      listener.setDaemon(true);
      listener.start();
    }
  }

  /** Wake-ups within this process only (one server on its own database). */
  public static Wakeups local() {
    return new Wakeups(null);
  }

  /** Wake-ups shared by every server on the PostgreSQL at {@code jdbcUrl}. */
  public static Wakeups postgres(String jdbcUrl) {
    return new Wakeups(jdbcUrl);
  }

  /** Tells every waiter on {@code topic}, in this process and in the other servers. */
  public void publish(Topic topic) {
    if (postgresUrl == null) {
      bump(topic);
      return;
    }
    // NOTIFY comes back to our own LISTEN connection too, which wakes the local waiters; bump
    // here as well so a local waiter need not wait for that round trip
    bump(topic);
    try {
      notifyOthers(topic);
    } catch (SQLException e) {
      LOG.warn("could not notify the other servers of {}: {}", topic, e.toString());
      closePublisher();
    }
  }

  private synchronized void notifyOthers(Topic topic) throws SQLException {
    if (publisher == null || publisher.isClosed()) {
      publisher = DriverManager.getConnection(postgresUrl);
      publisher.setAutoCommit(true);
    }
    try (Statement statement = publisher.createStatement()) {
      statement.execute("NOTIFY " + topic.channel());
    }
  }

  /** The counter of {@code topic}, to pass to {@link #await}. */
  public long version(Topic topic) {
    long[] counter = counters.get(topic);
    synchronized (counter) {
      return counter[0];
    }
  }

  /**
   * Waits until {@code topic} moves past {@code seen} or {@code millis} pass; answers whether it
   * moved.
   */
  public boolean await(Topic topic, long seen, long millis) throws InterruptedException {
    long[] counter = counters.get(topic);
    long deadline = System.currentTimeMillis() + millis;
    synchronized (counter) {
      while (counter[0] == seen) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        counter.wait(left);
      }
      return true;
    }
  }

  private void bump(Topic topic) {
    long[] counter = counters.get(topic);
    synchronized (counter) {
      counter[0]++;
      counter.notifyAll();
    }
  }

  private void listen() {
    while (!closed) {
      try (Connection connection = DriverManager.getConnection(postgresUrl)) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          for (Topic topic : Topic.values()) {
            statement.execute("LISTEN " + topic.channel());
          }
        }
        // anything published while we were not listening is news to the waiters
        for (Topic topic : Topic.values()) {
          bump(topic);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notifications = pg.getNotifications(LISTEN_POLL_MILLIS);
          if (notifications == null) {
            continue;
          }
          for (PGNotification notification : notifications) {
            for (Topic topic : Topic.values()) {
              if (topic.channel().equals(notification.getName())) {
                bump(topic);
              }
            }
          }
        }
      } catch (SQLException e) {
        if (!closed) {
          LOG.warn("listening for other servers' news failed, retrying: {}", e.toString());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException interrupted) {
            return;
          }
        }
      }
    }
  }

  private synchronized void closePublisher() {
    if (publisher != null) {
      try {
        publisher.close();
      } catch (SQLException e) {
        // closing a broken connection
      }
      publisher = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    if (listener != null) {
      listener.interrupt();
    }
    closePublisher();
  }
}
