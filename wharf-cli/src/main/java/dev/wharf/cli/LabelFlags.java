package dev.wharf.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repeated {@code KEY=VALUE} label flags ({@code --label}, {@code --agent-label}) as a map. */
final class LabelFlags {
  private LabelFlags() {}

  /** The labels given with {@code flag}, refusing anything that is not KEY=VALUE. */
  static Map<String, String> parse(String flag, List<String> labels) throws BadInputException {
    Map<String, String> map = new LinkedHashMap<>();
    for (String label : labels) {
      int equals = label.indexOf('=');
      if (equals <= 0) {
        throw new BadInputException(flag + " takes KEY=VALUE, not " + label);
      }
      map.put(label.substring(0, equals), label.substring(equals + 1));
    }
    return map;
  }
}
