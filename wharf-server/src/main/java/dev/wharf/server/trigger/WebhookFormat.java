package dev.wharf.server.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How one forge signs its webhooks and what its push and pull-request payloads look like. */
interface WebhookFormat {
  /** The path segment of {@code /api/v1/hooks/{provider}}. */
  String provider();

  /** Whether the delivery was signed with {@code secret}; {@code headers} looks headers up. */
  boolean verify(UnaryOperator<String> headers, byte[] body, String secret);

  /** The pushes and pull requests in a delivery; empty for other events (pings, issues…). */
  List<ForgeEvent> events(UnaryOperator<String> headers, JsonNode body);

  /** The forge's id of this delivery, the same when it is sent again; null if it has none. */
  String deliveryId(UnaryOperator<String> headers, JsonNode body);

  /** Hex HMAC-SHA256 of {@code body} with {@code secret}. */
  static String hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  /** Compares in constant time, so timing tells nothing about the expected value. */
  static boolean same(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The non-empty texts at {@code pointers} in {@code node}. */
  static List<String> texts(JsonNode node, String... pointers) {
    List<String> texts = new ArrayList<>();
    for (String pointer : pointers) {
      String text = node.at(pointer).asText("");
      if (!text.isEmpty()) {
        texts.add(text);
      }
    }
    return texts;
  }
}
