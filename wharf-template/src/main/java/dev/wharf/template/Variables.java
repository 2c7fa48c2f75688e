package dev.wharf.template;

import java.util.ArrayList;
import java.util.List;

/** The variable stack of one template invocation: {@code $} at the bottom, inner scopes on top. */
final class Variables {

  private final List<String> names = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** A fresh stack holding {@code $} bound to {@code dot}. */
  Variables(Object dot) {
    push("$", dot);
  }

  void push(String name, Object value) {
    names.add(name);
    values.add(value);
  }

  /** The current height, to {@link #pop} back to when a scope ends. */
  int mark() {
    return names.size();
  }

  void pop(int mark) {
    names.subList(mark, names.size()).clear();
    values.subList(mark, values.size()).clear();
  }

  /** Rebinds the variable {@code depth} places below the top (1 is the top). */
  void setTop(int depth, Object value) {
    values.set(values.size() - depth, value);
  }

  /** Assigns the innermost variable called {@code name}; false when there is none. */
  boolean set(String name, Object value) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equals(name)) {
        values.set(i, value);
        return true;
      }
    }
    return false;
  }

  /** Whether a variable called {@code name} is in scope. */
  boolean has(String name) {
    return names.lastIndexOf(name) >= 0;
  }

  /** The value of the innermost variable called {@code name}. */
  Object get(String name) {
    return values.get(names.lastIndexOf(name));
  }
}
