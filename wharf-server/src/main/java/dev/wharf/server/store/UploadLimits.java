package dev.wharf.server.store;

import java.time.Duration;

/**
 * The bounds on uploaded contexts (docs/security.md#limits).
 *
 * @param maxBytes the largest upload, enforced as its bytes arrive
 * @param unclaimedFor how long an upload no run uses is kept before it is removed
 */
public record UploadLimits(long maxBytes, Duration unclaimedFor) {
  /** 2 GiB, removed when no run claimed it within an hour. */
  public static final UploadLimits DEFAULTS =
      new UploadLimits(2L * 1024 * 1024 * 1024, Duration.ofHours(1));

  public UploadLimits {
    if (maxBytes <= 0 || unclaimedFor.isNegative() || unclaimedFor.isZero()) {
      throw new IllegalArgumentException("upload limits are positive");
    }
  }
}
