package dev.wharf.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAdminTest {
  @TempDir Path dir;

  @Test
  void create_storesOnlyAHash_andTheTokenMapsToItsRole() {
    try (Database db = Database.open(Database.sqliteUrl(dir))) {
      TokenAdmin tokens = new TokenAdmin(db, Clock.systemUTC());

      String token = tokens.create(Role.run, "ci");

      String stored =
          db.read(h -> h.createQuery("SELECT token_hash FROM tokens").mapTo(String.class).one());
      assertThat(stored).isEqualTo(TokenAdmin.hash(token)).doesNotContain(token.substring(6));
      assertThat(tokens.roleOf(token)).contains(Role.run);
      assertThat(tokens.roleOf(token + "x")).isEmpty();
      assertThat(tokens.list())
          .extracting(TokenAdmin.TokenInfo::name, TokenAdmin.TokenInfo::role)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("ci", Role.run));
      assertThat(tokens.revoke("ci")).isEqualTo(1);
      assertThat(tokens.list()).isEmpty();
      assertThat(tokens.roleOf(token)).isEmpty();
    }
  }
}
