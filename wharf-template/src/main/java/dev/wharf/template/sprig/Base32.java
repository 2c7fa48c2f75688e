package dev.wharf.template.sprig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** RFC 4648 base32 with padding, as Go's {@code base32.StdEncoding}. */
final class Base32 {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  static String encode(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  /** Decodes, or answers Go's error text as Sprig does. */
  static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    String body = s;
    int pad = body.indexOf('=');
    if (pad >= 0) {
      body = body.substring(0, pad);
    }
    if (s.length() % 8 != 0) {
      return "illegal base32 data at input byte " + (s.length() - s.length() % 8);
    }
    for (int i = 0; i < body.length(); i++) {
      int v = ALPHABET.indexOf(body.charAt(i));
      if (v < 0) {
        return "illegal base32 data at input byte " + i;
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
