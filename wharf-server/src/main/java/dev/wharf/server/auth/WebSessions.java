package dev.wharf.server.auth;

import dev.wharf.server.store.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-ins of the web UI: a session opened with an API token lasts {@link #LIFETIME} and has the
 * token's role for as long as the token exists. Only hashes of session ids are stored.
 */
public final class WebSessions {
  /** How long a sign-in lasts. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final TokenAdmin tokens;
  private final Clock clock;

  /** Sessions stored in {@code db}, opened with the tokens of {@code tokens}. */
  public WebSessions(Database db, TokenAdmin tokens, Clock clock) {
    this.db = db;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A signed-in browser: its role and the token its forms must send back. */
  public record WebSession(Role role, String tokenName, String csrf) {}

  /** Opens a session for {@code token}; the answer is the session id for the cookie. */
  public Optional<String> open(String token) {
    if (tokens.roleOf(token).isEmpty()) {
      return Optional.empty();
    }
    String id = random();
    long now = clock.millis();
    db.write(
        handle -> {
          handle
              .createUpdate("DELETE FROM web_sessions WHERE expire_time < :now")
              .bind("now", now)
              .execute();
          return handle
              .createUpdate(
                  "INSERT INTO web_sessions (session_hash, token_hash, csrf, create_time,"
                      + " expire_time) VALUES (:session, :token, :csrf, :now, :expires)")
              .bind("session", TokenAdmin.hash(id))
              .bind("token", TokenAdmin.hash(token))
              .bind("csrf", random())
              .bind("now", now)
              .bind("expires", now + LIFETIME.toMillis())
              .execute();
        });
    return Optional.of(id);
  }

  /** The live session with this id, empty when unknown, expired or its token was revoked. */
  public Optional<WebSession> find(String sessionId) {
    if (sessionId == null || sessionId.length() != 43) {
      return Optional.empty();
    }
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT t.role, t.name, s.csrf FROM web_sessions s"
                        + " JOIN tokens t ON t.token_hash = s.token_hash"
                        + " WHERE s.session_hash = :session AND s.expire_time > :now")
                .bind("session", TokenAdmin.hash(sessionId))
                .bind("now", clock.millis())
                .map(
                    (rs, ctx) ->
                        new WebSession(
                            Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  /** Ends a session (signing out). */
  public void close(String sessionId) {
    if (sessionId == null) {
      return;
    }
    db.write(
        handle ->
            handle
                .createUpdate("DELETE FROM web_sessions WHERE session_hash = :session")
                .bind("session", TokenAdmin.hash(sessionId))
                .execute());
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
