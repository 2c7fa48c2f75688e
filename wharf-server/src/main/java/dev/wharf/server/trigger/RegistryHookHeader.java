package dev.wharf.server.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.UnaryOperator;

/**
 * The header a registry's notifications must carry ({@code wharf server --registry-hook-header
 * 'Authorization: Bearer X'}), as the registry's {@code notifications.endpoints[].headers} sends
 * it. Its value is a secret: {@link #toString()} names only the header.
 */
public record RegistryHookHeader(String name, String value) {
  public RegistryHookHeader {
    if (name == null || !name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("a header name is letters, digits and '-': " + name);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the header " + name + " needs a value");
    }
    value = value.strip();
  }

  /** {@code Name: value}, as curl writes a header. */
  public static RegistryHookHeader parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "a header is 'Name: value', e.g. 'Authorization: Bearer …'");
    }
    return new RegistryHookHeader(text.substring(0, colon).strip(), text.substring(colon + 1));
  }

  /** Whether a request carries this header with this value (compared in constant time). */
  public boolean verifies(UnaryOperator<String> headers) {
    String got = headers.apply(name);
    return got != null
        && MessageDigest.isEqual(
            got.strip().getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return name + ": (secret)";
  }
}
