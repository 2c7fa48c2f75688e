package dev.wharf.server.api;

import java.util.Map;

/** The bounds on the agent labels a quick run or a saved task asks for. */
final class AgentLabelLimits {
  private AgentLabelLimits() {}

  /** Throws a 400 unless {@code labels} are at most 32, keys 1 to 128 and values ≤ 256 chars. */
  static void check(Map<String, String> labels) {
    if (labels.size() > 32
        || labels.entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().isEmpty()
                        || e.getKey().length() > 128
                        || e.getValue() == null
                        || e.getValue().length() > 256)) {
      throw new ApiException(
          400,
          "a run or task asks for at most 32 agent labels, keys of 1 to 128 and values up to 256"
              + " characters");
    }
  }
}
