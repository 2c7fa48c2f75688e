package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.GoValues;
import dev.wharf.template.TemplateFunction;
import dev.wharf.template.values.GoJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Adler32;

/** Sprig's encodings, hashes and JSON output, with acb's nil-tolerant {@code b64enc}. */
final class EncodingFunctions {

  private EncodingFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    // acb replaces Sprig's b64enc so the first, secret-less render of {{.Secrets.x | b64enc}}
    // works; Wharf encodes the printed value of non-strings (docs/behaviour.md#templates).
    m.put("b64enc", fn(1, a -> a.get(0) == null ? "" : b64(GoValues.sprint(a.get(0)))));
    m.put("b64dec", fn(1, a -> b64dec(str(a, 0))));
    m.put("b32enc", fn(1, a -> Base32.encode(utf8(str(a, 0)))));
    m.put("b32dec", fn(1, a -> Base32.decode(str(a, 0))));
    m.put("sha1sum", fn(1, a -> hash("SHA-1", str(a, 0))));
    m.put("sha256sum", fn(1, a -> hash("SHA-256", str(a, 0))));
    m.put("adler32sum", fn(1, a -> adler32(str(a, 0))));
    m.put("toJson", fn(1, a -> json(a.get(0), null)));
    m.put("toPrettyJson", fn(1, a -> json(a.get(0), "  ")));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(utf8(s));
  }

  /** Sprig returns Go's decoding error text instead of failing. */
  private static String b64dec(String s) {
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "illegal base64 data at input byte " + firstBadBase64Byte(s);
    }
  }

  private static int firstBadBase64Byte(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    for (int i = 0; i < s.length(); i++) {
      if (alphabet.indexOf(s.charAt(i)) < 0) {
        return i;
      }
    }
    return s.length() - s.length() % 4;
  }

  static String hash(String algorithm, String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(utf8(s)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String adler32(String s) {
    Adler32 adler = new Adler32();
    adler.update(utf8(s));
    return Long.toString(adler.getValue());
  }

  /** Sprig ignores marshalling errors and answers an empty string. */
  private static String json(Object v, String indent) {
    try {
      return indent == null ? GoJson.compact(v) : GoJson.indented(v, indent);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
