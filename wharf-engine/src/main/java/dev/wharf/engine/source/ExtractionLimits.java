package dev.wharf.engine.source;

/**
 * How much an archive context may expand to, so that a small archive cannot fill the disk of the
 * machine extracting it (the defaults are in {@code docs/security.md}).
 *
 * @param maxBytes the most bytes of file content all entries together may hold
 * @param maxEntries the most entries (files, folders, links) an archive may have
 * @param maxRatio the most bytes of content per byte of compressed archive read; checked once the
 *     content passes {@link #RATIO_FLOOR}, so small, very compressible archives pass
 */
public record ExtractionLimits(long maxBytes, int maxEntries, int maxRatio) {

  /** Content below this size is never refused for its compression ratio. */
  public static final long RATIO_FLOOR = 16L * 1024 * 1024;

  /** Checks that every limit is positive. */
  public ExtractionLimits {
    if (maxBytes <= 0 || maxEntries <= 0 || maxRatio <= 0) {
      throw new IllegalArgumentException("extraction limits must be positive");
    }
  }

  /** 2 GiB of content, 100,000 entries, a compression ratio of 100. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(2L * 1024 * 1024 * 1024, 100_000, 100);
  }
}
