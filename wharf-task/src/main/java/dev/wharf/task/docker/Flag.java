package dev.wharf.task.docker;

/** A flag a docker command accepts; {@code shorthand} is 0 when the flag has none. */
record Flag(String name, char shorthand, boolean valued, boolean buildKitOnly) {
  static Flag valued(String name) {
    return new Flag(name, (char) 0, true, false);
  }

  static Flag valued(String name, char shorthand) {
    return new Flag(name, shorthand, true, false);
  }

  static Flag bool(String name) {
    return new Flag(name, (char) 0, false, false);
  }

  static Flag bool(String name, char shorthand) {
    return new Flag(name, shorthand, false, false);
  }

  /** The same flag, marked as understood only by BuildKit. */
  Flag buildKit() {
    return new Flag(name, shorthand, valued, true);
  }
}
