package dev.wharf.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.container.RegistryLogin;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code --credential} values: acb's JSON object or {@code REGISTRY=USER:PASSWORD}.
 *
 * <p>Only literal ("opaque") credentials can be resolved here; Key Vault and managed identities
 * need Azure, which Wharf does not reach.
 */
public final class Credentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Credentials() {}

  /**
   * The login a {@code --credential} value describes.
   *
   * @throws IllegalArgumentException with acb's message when the value is invalid
   */
  public static RegistryLogin parse(String value) {
    String text = value.strip();
    return text.startsWith("{") ? json(text) : plain(text);
  }

  private static RegistryLogin plain(String text) {
    int eq = text.indexOf('=');
    int colon = eq < 0 ? -1 : text.indexOf(':', eq);
    if (eq <= 0 || colon < 0) {
      throw new IllegalArgumentException(
          "a credential is REGISTRY=USER:PASSWORD or acb's JSON object, not '"
              + text.replaceAll(":.*", ":…")
              + "'");
    }
    String username = text.substring(eq + 1, colon);
    String password = text.substring(colon + 1);
    if (username.isEmpty()) {
      throw new IllegalArgumentException("username can't be empty");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password can't be empty");
    }
    return new RegistryLogin(text.substring(0, eq), username, password);
  }

  private static RegistryLogin json(String text) {
    Map<String, String> fields = new HashMap<>();
    try {
      JsonNode node = JSON.readTree(text);
      Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        fields.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asText(""));
      }
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(
          "unable to unmarshal Credentials from string: the value is not a JSON object");
    }
    String registry = fields.getOrDefault("registry", "");
    if (registry.isEmpty()) {
      throw new IllegalArgumentException("registry name can't be empty");
    }
    String userType = fields.getOrDefault("usernameprovidertype", "").toLowerCase(Locale.ROOT);
    String passwordType = fields.getOrDefault("passwordprovidertype", "").toLowerCase(Locale.ROOT);
    if (!userType.equals("opaque") || !passwordType.equals("opaque")) {
      throw new IllegalArgumentException(
          "only opaque credentials (userNameProviderType and passwordProviderType 'opaque') can"
              + " be used outside Azure");
    }
    String username = fields.getOrDefault("username", "");
    String password = fields.getOrDefault("password", "");
    if (username.isEmpty()) {
      throw new IllegalArgumentException("username can't be empty");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password can't be empty");
    }
    return new RegistryLogin(registry, username, password);
  }
}
