package dev.wharf.server.auth;

/**
 * What a token may do. {@code read}, {@code run} and {@code admin} each include the ones before
 * them; {@code agent} stands apart: it may only claim work and report on it, which only an admin
 * token may do as well.
 */
public enum Role {
  /** See runs, logs and tasks. */
  read,
  /** Also queue and cancel runs. */
  run,
  /** Also create, change and delete tasks. */
  admin,
  /** Register as an agent, claim runs, ship their logs and outcomes. */
  agent;

  /** Whether a token with this role may do what {@code needed} allows. */
  public boolean allows(Role needed) {
    if (this == agent || needed == agent) {
      return this == needed || this == admin;
    }
    return ordinal() >= needed.ordinal();
  }
}
