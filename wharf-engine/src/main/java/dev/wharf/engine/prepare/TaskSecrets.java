package dev.wharf.engine.prepare;

import dev.wharf.task.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the values of a task's {@code secrets} come from (Wharf reads no Azure Key Vault).
 *
 * @param lookup secret id → value, null when there is none
 * @param hint what the user should do about a secret without a value
 */
public record TaskSecrets(Function<String, String> lookup, Function<Secret, String> hint) {

  public TaskSecrets {
    Objects.requireNonNull(lookup, "lookup cannot be null");
    Objects.requireNonNull(hint, "hint cannot be null");
  }

  /** Secrets taken from {@code values} by id, as a server takes them from a run's secret values. */
  public static TaskSecrets from(Map<String, String> values, Function<Secret, String> hint) {
    Map<String, String> copy = Map.copyOf(values);
    return new TaskSecrets(copy::get, hint);
  }
}
