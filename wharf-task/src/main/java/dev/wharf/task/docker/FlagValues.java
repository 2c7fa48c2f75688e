package dev.wharf.task.docker;

import java.util.List;

/** Look-ups over a list of flags, shared by the build and run requests. */
final class FlagValues {
  private FlagValues() {}

  static List<String> of(List<FlagValue> flags, String name) {
    return flags.stream().filter(f -> f.name().equals(name)).map(FlagValue::value).toList();
  }

  static String last(List<FlagValue> flags, String name) {
    String value = "";
    for (FlagValue flag : flags) {
      if (flag.name().equals(name)) {
        value = flag.value();
      }
    }
    return value;
  }
}
