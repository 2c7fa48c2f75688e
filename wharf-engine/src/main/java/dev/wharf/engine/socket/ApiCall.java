package dev.wharf.engine.socket;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Docker Engine API call as a step sent it: method, the path without its {@code /v1.xx} prefix,
 * split into segments, and the query; rewritable, then turned back into a request URI.
 */
final class ApiCall {

  private static final Pattern VERSIONED = Pattern.compile("^(/v[0-9]+(?:\\.[0-9]+)*)(/.*)?$");

  private final String method;
  private final String version;
  private final List<String> segments;
  private final Map<String, List<String>> query;
  private boolean changed;
  private final String original;

  private ApiCall(String method, String uri) {
    this.method = method;
    this.original = uri;
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    String path = decoder.path();
    Matcher m = VERSIONED.matcher(path);
    if (m.matches()) {
      version = m.group(1);
      path = m.group(2) == null ? "/" : m.group(2);
    } else {
      version = "";
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    this.segments = parts;
    this.query = new LinkedHashMap<>();
    decoder.parameters().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
  }

  static ApiCall of(String method, String uri) {
    return new ApiCall(method, uri);
  }

  String method() {
    return method;
  }

  boolean is(String method, String... path) {
    return this.method.equals(method) && segments.equals(Arrays.asList(path));
  }

  List<String> segments() {
    return segments;
  }

  int size() {
    return segments.size();
  }

  String segment(int i) {
    return i < segments.size() ? segments.get(i) : "";
  }

  void segment(int i, String value) {
    if (!segments.get(i).equals(value)) {
      segments.set(i, value);
      changed = true;
    }
  }

  String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  void param(String name, String value) {
    query.put(name, new ArrayList<>(List.of(value)));
    changed = true;
  }

  /** The path as the step sent it, without the version, for messages. */
  String path() {
    return "/" + String.join("/", segments);
  }

  /** The request URI to send to the engine. */
  String uri() {
    if (!changed) {
      return original;
    }
    StringBuilder path = new StringBuilder(version);
    for (String segment : segments) {
      path.append('/').append(RunScope.encode(segment));
    }
    QueryStringEncoder encoder = new QueryStringEncoder(path.toString());
    query.forEach((k, values) -> values.forEach(v -> encoder.addParam(k, v)));
    return encoder.toString();
  }
}
