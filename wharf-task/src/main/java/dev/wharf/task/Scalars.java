package dev.wharf.task;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML 1.1 scalar resolution as acb's yaml.v2 does it: {@code yes}, {@code on} and {@code y} are
 * booleans, {@code 0x1F} and {@code 017} are integers. snakeyaml-engine resolves YAML 1.2, so plain
 * scalars are resolved here from their text.
 */
final class Scalars {

  static final String NULL = "!!null";
  static final String BOOL = "!!bool";
  static final String INT = "!!int";
  static final String FLOAT = "!!float";
  static final String STR = "!!str";

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> INFINITIES =
      Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
  private static final Set<String> NANS = Set.of(".nan", ".NaN", ".NAN");
  private static final Pattern FLOAT_TEXT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private Scalars() {}

  /** The yaml.v2 tag of a scalar, as its error messages spell it. */
  static String tag(ScalarNode node) {
    if (!node.isPlain() || (!node.isResolved() && node.getTag().equals(Tag.STR))) {
      return STR;
    }
    String text = node.getValue();
    if (NULLS.contains(text)) {
      return NULL;
    }
    if (TRUES.contains(text) || FALSES.contains(text)) {
      return BOOL;
    }
    if (integer(text) != null) {
      return INT;
    }
    if (floating(text) != null) {
      return FLOAT;
    }
    return STR;
  }

  /** Whether the scalar is YAML null (cheaper than {@link #tag} for string fields). */
  static boolean isNull(ScalarNode node) {
    return node.isPlain()
        && (node.isResolved() || !node.getTag().equals(Tag.STR))
        && NULLS.contains(node.getValue());
  }

  static boolean isTrue(String text) {
    return TRUES.contains(text);
  }

  /** Go's {@code ParseInt(s, 0, 64)} after yaml.v2 drops underscores; null when not an int. */
  static Long integer(String text) {
    String digits = text.replace("_", "");
    boolean negative = false;
    if (digits.startsWith("+") || digits.startsWith("-")) {
      negative = digits.startsWith("-");
      digits = digits.substring(1);
    }
    int radix = 10;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x") || lower.startsWith("0b") || lower.startsWith("0o")) {
      radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'b' ? 2 : 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty() || !allDigits(digits, radix)) {
      return null;
    }
    BigInteger value = new BigInteger(digits, radix);
    value = negative ? value.negate() : value;
    return value.bitLength() > 63 ? null : value.longValue();
  }

  /** Checked up front because most scalars are words, and exceptions would cost per scalar. */
  private static boolean allDigits(String digits, int radix) {
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c > 'z' || Character.digit(c, radix) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A YAML 1.1 float's value, or null when the text is not one. */
  static Double floating(String text) {
    if (INFINITIES.contains(text)) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NANS.contains(text)) {
      return Double.NaN;
    }
    String plain = text.replace("_", "");
    return FLOAT_TEXT.matcher(plain).matches() ? Double.valueOf(plain) : null;
  }
}
