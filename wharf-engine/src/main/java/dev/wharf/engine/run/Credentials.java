package dev.wharf.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.container.RegistryLogin;
import java.util.Locale;
import java.util.Map;

/**
 * Registry logins from {@code --credential}: acb's JSON ({@code {"registry": …, "username": …,
 * "password": …}}, keys in any case, opaque values only) or {@code REGISTRY=USER:PASSWORD}.
 */
public final class Credentials {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Credentials() {}

  /** Parses one {@code --credential} value; the message of a failure never contains it. */
  public static RegistryLogin parse(String value) {
    String text = value.strip();
    if (text.startsWith("{")) {
      return fromJson(text);
    }
    int eq = text.indexOf('=');
    int colon = eq < 0 ? -1 : text.indexOf(':', eq + 1);
    if (eq <= 0 || colon < 0) {
      throw new IllegalArgumentException(
          "a credential is acb's JSON or REGISTRY=USER:PASSWORD, e.g."
              + " --credential localhost:5001=wharf:secret");
    }
    return login(text.substring(0, eq), text.substring(eq + 1, colon), text.substring(colon + 1));
  }

  private static RegistryLogin fromJson(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "unable to unmarshal Credentials from string: the JSON is not valid");
    }
    String registry = field(node, "registry");
    // acb lower-cases the provider types before classifying the credential.
    String type =
        (field(node, "usernameprovidertype") + field(node, "passwordprovidertype"))
            .toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.equals("opaqueopaque")) {
      throw new IllegalArgumentException(
          "credential for "
              + registry
              + ": Wharf supports opaque credentials only (no Key Vault secrets or managed"
              + " identities)");
    }
    return login(registry, field(node, "username"), field(node, "password"));
  }

  private static RegistryLogin login(String registry, String user, String password) {
    if (registry.isEmpty()) {
      throw new IllegalArgumentException("registry name can't be empty");
    }
    if (user.isEmpty()) {
      throw new IllegalArgumentException("username can't be empty");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password can't be empty");
    }
    return new RegistryLogin(registry, user, password);
  }

  private static String field(JsonNode node, String lowerName) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return e.getValue().asText("");
      }
    }
    return "";
  }
}
