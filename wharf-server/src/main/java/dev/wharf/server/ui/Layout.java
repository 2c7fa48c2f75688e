package dev.wharf.server.ui;

import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.WebSessions.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The frame of every page: head with the WebJars' scripts, navigation, sign-out, main. */
final class Layout {
  /** Path of htmx, served from its WebJar on the classpath. */
  static final String HTMX = "/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js";

  /** Path of htmx's server-sent-events extension, from its WebJar. */
  static final String HTMX_SSE = "/webjars/htmx-ext-sse/" + version("htmx-ext-sse") + "/sse.js";

  /** What pages allow the browser to load: only this server's own scripts, styles and forms. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  private Layout() {}

  /** A whole page for a signed-in user; {@code current} names the navigation entry to mark. */
  static String page(String title, String current, WebSession session, String body) {
    Html html = head(title);
    html.raw("<body").attr("hx-headers", "{\"X-CSRF-Token\": \"" + session.csrf() + "\"}").raw(">");
    html.raw("<a class=\"skip-link\" href=\"#main\">Skip to content</a>");
    html.raw(
        "<header class=\"top\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"/runs\">Wharf</a><ul>");
    for (String[] entry :
        new String[][] {
          {"runs", "/runs", "Runs"},
          {"tasks", "/tasks", "Tasks"},
          {"agents", "/agents", "Agents and queue"}
        }) {
      html.raw("<li><a").attr("href", entry[1]);
      if (entry[0].equals(current)) {
        html.raw(" aria-current=\"page\"");
      }
      html.raw(">").text(entry[2]).raw("</a></li>");
    }
    html.raw("</ul><form class=\"signout\" method=\"post\" action=\"/logout\">")
        .raw("<span class=\"who\">")
        .text(session.tokenName() + " · " + session.role())
        .raw("</span>");
    csrfField(html, session);
    html.raw("<button type=\"submit\">Sign out</button></form></nav></header>");
    html.raw("<main id=\"main\" tabindex=\"-1\">").raw(body).raw("</main></body></html>");
    return html.toString();
  }

  /** A page without navigation (sign-in, errors before sign-in). */
  static String bare(String title, String body) {
    return head(title)
        .raw("<body><main id=\"main\" class=\"narrow\">")
        .raw(body)
        .raw("</main></body></html>")
        .toString();
  }

  /** The hidden field that carries the CSRF token in a plain form. */
  static void csrfField(Html html, WebSession session) {
    html.raw("<input type=\"hidden\" name=\"csrf\"").attr("value", session.csrf()).raw(">");
  }

  /** Whether the session's role may do what {@code needed} allows. */
  static boolean may(WebSession session, Role needed) {
    return session.role().allows(needed);
  }

  private static Html head(String title) {
    return new Html()
        .raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw(
            "<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\": false, \"allowEval\": false}'>")
        .raw("<title>")
        .text(title + " · Wharf")
        .raw("</title><link rel=\"stylesheet\" href=\"/static/wharf.css\">")
        .raw("<script src=\"")
        .raw(HTMX)
        .raw("\"></script><script src=\"")
        .raw(HTMX_SSE)
        .raw("\"></script><script src=\"/static/wharf.js\" defer></script></head>");
  }

  private static String version(String webjar) {
    String path = "/META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
    try (InputStream in = Layout.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the WebJar " + webjar + " is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
