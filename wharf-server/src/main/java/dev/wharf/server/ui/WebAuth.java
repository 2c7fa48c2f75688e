package dev.wharf.server.ui;

import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.WebSessions;
import dev.wharf.server.auth.WebSessions.WebSession;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Sign-in for pages: the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS) decides the
 * role; requests that change something must also carry the session's CSRF token, as the form field
 * {@code csrf} or the header {@code X-CSRF-Token}.
 */
final class WebAuth {
  static final String COOKIE = "wharf_session";
  private static final String SESSION = "wharf.session";

  private final WebSessions sessions;

  WebAuth(WebSessions sessions) {
    this.sessions = sessions;
  }

  /** A page handler that needs a signed-in browser with at least {@code needed}. */
  Handler page(Role needed, Handler handler) {
    return ctx -> {
      Optional<WebSession> session = sessions.find(ctx.cookie(COOKIE));
      if (session.isEmpty()) {
        boolean fragment = ctx.header("HX-Request") != null;
        if (fragment || !"GET".equals(ctx.method().name())) {
          throw new WebException(401, "Your sign-in has ended; sign in again.");
        }
        ctx.redirect("/login?next=" + URLEncoder.encode(nextOf(ctx), StandardCharsets.UTF_8));
        return;
      }
      if (!session.get().role().allows(needed)) {
        throw new WebException(403, "This needs a token with the " + needed + " role.");
      }
      if (!"GET".equals(ctx.method().name())) {
        checkCsrf(ctx, session.get());
      }
      ctx.attribute(SESSION, session.get());
      handler.handle(ctx);
    };
  }

  /** The session of a request that went through {@link #page}. */
  static WebSession session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** Opens a session for {@code token} and sets its cookie; false when the token is unknown. */
  boolean signIn(Context ctx, String token) {
    Optional<String> id = sessions.open(token == null ? null : token.trim());
    if (id.isEmpty()) {
      return false;
    }
    Cookie cookie =
        new Cookie(
            COOKIE,
            id.get(),
            "/",
            (int) WebSessions.LIFETIME.toSeconds(),
            "https".equals(ctx.scheme()),
            true,
            null,
            SameSite.LAX);
    cookie.setHttpOnly(true);
    ctx.cookie(cookie);
    return true;
  }

  /** Ends the session of this request, if any, and clears its cookie. */
  void signOut(Context ctx) {
    Optional<WebSession> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isPresent()) {
      checkCsrf(ctx, session.get());
      sessions.close(ctx.cookie(COOKIE));
    }
    ctx.removeCookie(COOKIE, "/");
  }

  private static void checkCsrf(Context ctx, WebSession session) {
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null) {
      sent = ctx.formParam("csrf");
    }
    if (sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            session.csrf().getBytes(StandardCharsets.UTF_8))) {
      throw new WebException(403, "This request did not come from a Wharf page; reload and retry.");
    }
  }

  private static String nextOf(Context ctx) {
    String query = ctx.queryString();
    return query == null ? ctx.path() : ctx.path() + "?" + query;
  }

  /** Where to go after signing in: only a path on this server. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/runs";
    }
    return next;
  }
}
