package dev.wharf.server.auth;

import dev.wharf.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Creates and checks API tokens; only a SHA-256 hash of each token is stored, so a token is shown
 * once, when created. Works on the database directly, also while a server runs on it.
 */
public final class TokenAdmin {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "wharf_";

  private final Database db;
  private final Clock clock;

  /** Token administration over {@code db}. */
  public TokenAdmin(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Creates a token with {@code role} and answers it (the only time it is visible). */
  public String create(Role role, String name) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    db.write(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO tokens (token_hash, name, role, create_time)"
                        + " VALUES (:hash, :name, :role, :now)")
                .bind("hash", hash(token))
                .bind("name", name == null || name.isBlank() ? role.name() : name)
                .bind("role", role.name())
                .bind("now", clock.millis())
                .execute());
    return token;
  }

  /** The role of a presented token, empty when it is unknown. */
  public Optional<Role> roleOf(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return db.read(
        handle ->
            handle
                .createQuery("SELECT role FROM tokens WHERE token_hash = :hash")
                .bind("hash", hash(token))
                .mapTo(String.class)
                .findOne()
                .map(Role::valueOf));
  }

  /** A stored token as {@code wharf server token list} shows it (the token itself is not kept). */
  public record TokenInfo(String name, Role role, Instant created) {}

  /** Every token, oldest first. */
  public List<TokenInfo> list() {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT name, role, create_time FROM tokens ORDER BY create_time, name")
                .map(
                    (rs, ctx) ->
                        new TokenInfo(
                            rs.getString(1),
                            Role.valueOf(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3))))
                .list());
  }

  /** Revokes every token with this name; answers how many. */
  public int revoke(String name) {
    return db.write(
        handle ->
            handle
                .createUpdate("DELETE FROM tokens WHERE name = :name")
                .bind("name", name)
                .execute());
  }

  // Tokens carry 256 random bits, so a plain SHA-256 cannot be reversed by guessing.
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
