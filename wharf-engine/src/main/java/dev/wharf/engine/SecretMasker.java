package dev.wharf.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces every secret value with {@code ***} (docs/behaviour.md#masking), also in its base64 and
 * URL-encoded forms; values shorter than {@value #MINIMUM_LENGTH} characters are left alone with a
 * warning.
 */
public final class SecretMasker {
  /** Shorter values would mask too much ordinary text. */
  public static final int MINIMUM_LENGTH = 4;

  public static final String MASK = "***";

  private final List<String> forms;
  private final Pattern pattern;
  private final int longestForm;
  private final int shortValues;

  public SecretMasker(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    int tooShort = 0;
    for (String secret : new LinkedHashSet<>(secrets)) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      if (secret.length() < MINIMUM_LENGTH) {
        tooShort++;
        continue;
      }
      all.addAll(formsOf(secret));
      // A multi-line secret (a key file) is often printed line by line or with other line ends.
      for (String line : secret.split("\\R")) {
        String trimmed = line.strip();
        if (trimmed.length() >= MINIMUM_LENGTH && !trimmed.equals(secret)) {
          all.add(trimmed);
        }
      }
    }
    this.forms = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    this.pattern =
        forms.isEmpty()
            ? null
            : Pattern.compile(forms.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    this.longestForm = forms.isEmpty() ? 0 : forms.get(0).length();
    this.shortValues = tooShort;
  }

  /** A masker with no secrets. */
  public static SecretMasker none() {
    return new SecretMasker(List.of());
  }

  /** The text with every secret form replaced by {@code ***}. */
  public String mask(String text) {
    if (pattern == null || text == null || text.isEmpty()) {
      return text;
    }
    return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
  }

  /** Warnings to show the user, without revealing anything about the secrets but their count. */
  public List<String> warnings() {
    if (shortValues == 0) {
      return List.of();
    }
    return List.of(
        "WARNING: "
            + shortValues
            + (shortValues == 1 ? " secret value is" : " secret values are")
            + " shorter than "
            + MINIMUM_LENGTH
            + " characters and will not be masked in the output");
  }

  /** A masker for one output stream whose chunks may split a secret. */
  public StreamMasker stream() {
    return new StreamMasker();
  }

  /**
   * The forms a secret may take in output: itself, its base64 (standard and URL-safe, with and
   * without padding) and its URL encoding, plus the part of its base64 that stays the same at each
   * of the three byte offsets it may have inside a longer encoded text.
   */
  static Set<String> formsOf(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    String standard = Base64.getEncoder().encodeToString(bytes);
    forms.add(standard);
    forms.add(urlSafe(standard));
    forms.add(stripPadding(standard));
    forms.add(urlSafe(stripPadding(standard)));
    for (int offset = 0; offset < 3; offset++) {
      String inner = innerBase64(bytes, offset);
      if (inner.length() >= MINIMUM_LENGTH) {
        forms.add(inner);
        forms.add(urlSafe(inner));
      }
    }
    String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(formEncoded);
    forms.add(formEncoded.replace("+", "%20"));
    return forms;
  }

  /**
   * The base64 characters that depend only on the secret when it starts {@code offset} bytes into a
   * 3-byte group; the characters at either end also depend on the neighbouring bytes.
   */
  private static String innerBase64(byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = stripPadding(Base64.getEncoder().encodeToString(shifted));
    int first = (8 * offset + 5) / 6;
    int end = 8 * (offset + bytes.length) / 6;
    return encoded.substring(first, end);
  }

  private static String urlSafe(String base64) {
    return base64.replace('+', '-').replace('/', '_');
  }

  private static String stripPadding(String base64) {
    int end = base64.length();
    while (end > 0 && base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
  }

  /** Masks one stream chunk by chunk, holding back only text that may begin a secret. */
  public final class StreamMasker {
    private final StringBuilder pending = new StringBuilder();

    private StreamMasker() {}

    /** Masks a chunk and returns what can be shown now (possibly empty). */
    public synchronized String accept(String chunk) {
      if (pattern == null) {
        return chunk;
      }
      pending.append(chunk);
      String text = pending.toString();
      int lastMatchEnd = 0;
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        lastMatchEnd = matcher.end();
      }
      int held = heldBack(text, lastMatchEnd);
      pending.setLength(0);
      pending.append(text, held, text.length());
      return mask(text.substring(0, held));
    }

    /** Masks and returns whatever is still held back, at the end of the stream. */
    public synchronized String flush() {
      String rest = mask(pending.toString());
      pending.setLength(0);
      return rest;
    }

    /** Where the longest tail of {@code text} that is the start of some secret form begins. */
    private int heldBack(String text, int from) {
      for (int start = Math.max(from, text.length() - longestForm + 1);
          start < text.length();
          start++) {
        String tail = text.substring(start);
        for (String form : forms) {
          if (form.startsWith(tail)) {
            return start;
          }
        }
      }
      return text.length();
    }
  }
}
