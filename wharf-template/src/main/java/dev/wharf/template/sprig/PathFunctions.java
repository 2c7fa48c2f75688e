package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.dict;
import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;
import static dev.wharf.template.sprig.Args.strval;

import dev.wharf.template.TemplateFunction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sprig's slash-path functions (Go's {@code path}) and {@code urlParse}/{@code urlJoin}. */
final class PathFunctions {

  private PathFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("base", fn(1, a -> base(str(a, 0))));
    m.put("dir", fn(1, a -> dir(str(a, 0))));
    m.put("clean", fn(1, a -> clean(str(a, 0))));
    m.put("ext", fn(1, a -> ext(str(a, 0))));
    m.put("isAbs", fn(1, a -> str(a, 0).startsWith("/")));
    m.put("urlParse", fn(1, a -> urlParse(str(a, 0))));
    m.put("urlJoin", fn(1, a -> urlJoin(dict(a, 0))));
  }

  /** Go's {@code path.Clean}. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String p = path.replaceAll("/+$", "");
    if (p.isEmpty()) {
      return "/";
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }

  static String ext(String path) {
    for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
      if (path.charAt(i) == '.') {
        return path.substring(i);
      }
    }
    return "";
  }

  private static Map<String, Object> urlParse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("unable to parse url: " + e.getMessage(), e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    String user = uri.getRawUserInfo();
    String host = user == null ? authority : authority.substring(user.length() + 1);
    out.put("scheme", uri.getScheme() == null ? "" : uri.getScheme());
    out.put("host", host);
    out.put("hostname", hostname(host));
    out.put("path", uri.isOpaque() || uri.getPath() == null ? "" : uri.getPath());
    out.put("query", uri.getRawQuery() == null ? "" : uri.getRawQuery());
    out.put("opaque", uri.isOpaque() ? uri.getRawSchemeSpecificPart() : "");
    out.put("fragment", uri.getFragment() == null ? "" : uri.getFragment());
    out.put("userinfo", user == null ? "" : user);
    return out;
  }

  private static String hostname(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host.substring(1) : host.substring(1, end);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** Go's {@code url.URL.String} of the parts {@code urlParse} produces. */
  private static String urlJoin(Map<String, Object> d) {
    String scheme = part(d, "scheme");
    String host = part(d, "host");
    String user = part(d, "userinfo");
    String path = part(d, "path");
    String opaque = part(d, "opaque");
    StringBuilder out = new StringBuilder();
    if (!opaque.isEmpty()) {
      out.append(scheme).append(':').append(opaque);
    } else {
      if (!scheme.isEmpty()) {
        out.append(scheme).append(':');
      }
      if (!host.isEmpty() || !user.isEmpty()) {
        out.append("//");
        if (!user.isEmpty()) {
          out.append(user).append('@');
        }
        out.append(host);
      }
      if (!path.isEmpty() && !path.startsWith("/") && !host.isEmpty()) {
        out.append('/');
      }
      out.append(path.replace(" ", "%20"));
    }
    if (!part(d, "query").isEmpty()) {
      out.append('?').append(part(d, "query"));
    }
    if (!part(d, "fragment").isEmpty()) {
      out.append('#').append(part(d, "fragment"));
    }
    return out.toString();
  }

  private static String part(Map<String, Object> d, String key) {
    Object v = d.get(key);
    return v == null ? "" : strval(v);
  }
}
