package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

/**
 * Credentials for one registry.
 *
 * @param registry the registry host as it appears in image names, e.g. {@code 127.0.0.1:5001}
 * @param username the user name
 * @param password the password or token
 */
public record RegistryLogin(String registry, String username, String password) {

  public RegistryLogin {
    requireNonNull(registry, "registry cannot be null");
    requireNonNull(username, "username cannot be null");
    requireNonNull(password, "password cannot be null");
  }

  /** Keeps the password out of logs and exception messages. */
  @Override
  public String toString() {
    return "RegistryLogin[registry=" + registry + ", username=" + username + ", password=***]";
  }
}
