package dev.wharf.server.auth;

/** What a token may do; each role includes the ones before it. */
public enum Role {
  /** See runs, logs and tasks. */
  read,
  /** Also queue and cancel runs. */
  run,
  /** Also create, change and delete tasks. */
  admin;

  /** Whether a token with this role may do what {@code needed} allows. */
  public boolean allows(Role needed) {
    return ordinal() >= needed.ordinal();
  }
}
