package dev.wharf.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size given on the command line: bytes, or a whole number of KiB, MiB or GiB. */
final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("([0-9]{1,19})\\s*(?:([kmg])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * The bytes of {@code text}: {@code 1048576}, {@code 1024k}, {@code 512m}, {@code 2g} (also
   * {@code 512MiB}, {@code 512MB}: units are powers of 1024), more than 0.
   */
  static long parse(String flag, String text) throws BadInputException {
    Matcher matcher = SIZE.matcher(text.strip());
    BadInputException bad =
        new BadInputException(
            flag + " takes a size such as 512m or 2g (k, m, g: KiB, MiB, GiB), not " + text);
    if (!matcher.matches()) {
      throw bad;
    }
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
    int shift =
        switch (unit) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    try {
      long number = Long.parseLong(matcher.group(1));
      if (number <= 0 || number > Long.MAX_VALUE >> shift) {
        throw bad;
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw bad;
    }
  }
}
