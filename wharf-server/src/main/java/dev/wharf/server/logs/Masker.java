package dev.wharf.server.logs;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secret values in log text by asterisks. */
public final class Masker {
  /** What a masked secret looks like. */
  public static final String MASK = "***";

  private final List<String> secrets;

  /** A masker for these secret values (empty values are ignored). */
  public Masker(Collection<String> secrets) {
    // longest first, so a secret containing another is masked whole
    this.secrets =
        secrets.stream()
            .filter(s -> s != null && !s.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** {@code text} with every secret replaced. */
  public String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
