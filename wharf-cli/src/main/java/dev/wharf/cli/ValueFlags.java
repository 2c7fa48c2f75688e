package dev.wharf.cli;

import dev.wharf.template.values.Values;
import dev.wharf.template.values.ValuesException;
import java.util.List;
import java.util.Map;

/**
 * {@code --set} and {@code --set-secret} as typed values: parsed once, where the flags are read, as
 * acb parses them; every run path (local, server, saved task) passes the map on from there.
 */
final class ValueFlags {
  private ValueFlags() {}

  /** {@code KEY=VALUE} flags as an ordered map, a later key winning. */
  static Map<String, String> parse(List<String> flags) throws BadInputException {
    try {
      return Values.parseSet(flags);
    } catch (ValuesException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
