package dev.wharf.server.trigger;

import java.time.Duration;

/**
 * How a server learns of new base-image digests.
 *
 * @param hookHeader the header registry notifications must carry; null refuses them all
 * @param pollInterval how often each watched tag's digest is asked for; zero never
 */
public record BaseImageSettings(RegistryHookHeader hookHeader, Duration pollInterval) {
  /** {@code wharf server}'s default interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(300);

  /** No notifications, polling every five minutes. */
  public static final BaseImageSettings DEFAULT =
      new BaseImageSettings(null, DEFAULT_POLL_INTERVAL);

  public BaseImageSettings {
    pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    if (pollInterval.isNegative()) {
      throw new IllegalArgumentException("a poll interval is 0 or more seconds");
    }
  }
}
