package dev.wharf.task;

import dev.wharf.template.values.GoJson;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as indented JSON, so that commands that
 * only print need not load Jackson.
 */
public final class JsonWriter {

  private JsonWriter() {}

  /** The value as JSON, two-space indented, without a final newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      quote(text, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, out, indent);
    } else if (value instanceof List<?> list) {
      writeList(list, out, indent);
    } else {
      throw new IllegalArgumentException("Cannot write as JSON: " + value.getClass());
    }
  }

  private static void writeList(List<?> list, StringBuilder out, String indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      write(list.get(i), out, inner);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      out.append(inner);
      quote(String.valueOf(entry.getKey()), out);
      out.append(": ");
      write(entry.getValue(), out, inner);
      out.append(entries.hasNext() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void quote(String text, StringBuilder out) {
    GoJson.quote(out, text);
  }
}
