package dev.wharf.engine;

import java.util.List;

/**
 * The result of one attempt of a step.
 *
 * @param error the attempt's error text (e.g. {@code exit status 3}), or null on success
 * @param digests image digests the attempt produced
 */
public record StepOutcome(boolean successful, String error, List<String> digests) {

  public StepOutcome {
    digests = List.copyOf(digests);
    if (!successful && (error == null || error.isEmpty())) {
      throw new IllegalArgumentException("a failed attempt needs an error text");
    }
  }

  public static StepOutcome success() {
    return new StepOutcome(true, null, List.of());
  }

  public static StepOutcome success(List<String> digests) {
    return new StepOutcome(true, null, digests);
  }

  public static StepOutcome failure(String error) {
    return new StepOutcome(false, error, List.of());
  }
}
