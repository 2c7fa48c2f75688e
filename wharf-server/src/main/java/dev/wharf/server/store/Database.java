package dev.wharf.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The server's database: a pooled connection source, migrated at open, with serialised writes. */
public final class Database implements AutoCloseable {
  // SQLite allows one writer per file; one lock per file keeps writers of this JVM from
  // contending (other processes, such as `wharf server token create`, wait on busy_timeout).
  private static final Map<String, ReentrantLock> SQLITE_WRITE_LOCKS = new ConcurrentHashMap<>();

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final SqlDialect dialect;
  private final ReentrantLock writeLock;

  private Database(HikariDataSource dataSource, SqlDialect dialect, ReentrantLock writeLock) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.dialect = dialect;
    this.writeLock = writeLock;
  }

  /** The default store: a SQLite file in the data directory. */
  public static String sqliteUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("wharf.db").toAbsolutePath();
  }

  /** Opens the database at {@code jdbcUrl} and applies pending migrations. */
  public static Database open(String jdbcUrl) {
    SqlDialect dialect = SqlDialect.of(jdbcUrl);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("wharf-db");
    ReentrantLock lock = null;
    if (dialect == SqlDialect.SQLITE) {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout(10_000);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      SQLiteDataSource sqlite = new SQLiteDataSource(config);
      sqlite.setUrl(jdbcUrl);
      hikari.setDataSource(sqlite);
      hikari.setMaximumPoolSize(4);
      lock = SQLITE_WRITE_LOCKS.computeIfAbsent(jdbcUrl, url -> new ReentrantLock());
    } else {
      hikari.setJdbcUrl(jdbcUrl);
      hikari.setMaximumPoolSize(10);
    }
    HikariDataSource dataSource = new HikariDataSource(hikari);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(
              "classpath:db/migration",
              "classpath:db/vendor/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, dialect, lock);
  }

  /** Which SQL dialect this database speaks. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** Runs a read outside any transaction. */
  public <R> R read(HandleCallback<R, RuntimeException> callback) {
    return jdbi.withHandle(callback);
  }

  /** Runs {@code callback} in one write transaction. */
  public <R> R write(HandleCallback<R, RuntimeException> callback) {
    if (writeLock == null) {
      return jdbi.inTransaction(callback);
    }
    writeLock.lock();
    try {
      return jdbi.inTransaction(callback);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
