package dev.wharf.server.api;

import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.TokenAdmin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/** Lets a request through only with a bearer token whose role allows the endpoint. */
final class Guard {
  /** The request attribute holding the caller's {@link Role}, once checked. */
  static final String ROLE = "wharf.role";

  private final TokenAdmin tokens;

  Guard(TokenAdmin tokens) {
    this.tokens = tokens;
  }

  Handler require(Role needed, Handler handler) {
    return ctx -> {
      check(ctx, needed);
      handler.handle(ctx);
    };
  }

  /** Whether the checked caller of {@code ctx} has the {@code admin} role. */
  static boolean isAdmin(Context ctx) {
    Role role = ctx.attribute(ROLE);
    return role != null && role.allows(Role.admin);
  }

  private void check(Context ctx, Role needed) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "an API token is needed: Authorization: Bearer <token>");
    }
    Optional<Role> role = tokens.roleOf(header.substring(7).trim());
    if (role.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new ApiException(401, "unknown API token");
    }
    if (!role.get().allows(needed)) {
      throw new ApiException(403, "this needs a token with the " + needed + " role");
    }
    ctx.attribute(ROLE, role.get());
  }
}
