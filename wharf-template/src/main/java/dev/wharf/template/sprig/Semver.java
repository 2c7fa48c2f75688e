package dev.wharf.template.sprig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version and Masterminds/semver constraint checks, for {@code semverCompare}. */
record Semver(
    long major, long minor, long patch, String prerelease, String metadata, String original)
    implements Comparable<Semver> {

  private static final Pattern VERSION =
      Pattern.compile(
          "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
              + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
              + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?");
  private static final Pattern CONSTRAINT =
      Pattern.compile(
          "^\\s*(=|!=|>=|=>|<=|=<|>|<|~>|~|\\^)?\\s*(v?[0-9xX*][0-9A-Za-z.+\\-xX*]*)\\s*$");

  static Semver parse(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("Invalid Semantic Version");
    }
    return new Semver(
        Long.parseLong(m.group(1)),
        m.group(2) == null ? 0 : Long.parseLong(m.group(2).substring(1)),
        m.group(3) == null ? 0 : Long.parseLong(m.group(3).substring(1)),
        m.group(5) == null ? "" : m.group(5),
        m.group(8) == null ? "" : m.group(8),
        text);
  }

  /** The version as the template sees it: Go's {@code *semver.Version} methods as fields. */
  Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Major", major);
    out.put("Minor", minor);
    out.put("Patch", patch);
    out.put("Prerelease", prerelease);
    out.put("Metadata", metadata);
    out.put("Original", original);
    return out;
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    String[] a = prerelease.split("\\.");
    String[] b = o.prerelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean an = a[i].matches("[0-9]+");
      boolean bn = b[i].matches("[0-9]+");
      int r;
      if (an && bn) {
        r = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
      } else if (an || bn) {
        r = an ? -1 : 1;
      } else {
        r = a[i].compareTo(b[i]);
      }
      if (r != 0) {
        return r;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  /** True when this version satisfies the constraint text ({@code ||} of {@code ,}/space ANDs). */
  boolean satisfies(String constraints) {
    for (String alternative : constraints.split("\\|\\|")) {
      String normalised = alternative.trim().replaceAll("\\s*-\\s+", " - ");
      if (normalised.isEmpty()) {
        throw new IllegalArgumentException("improper constraint: " + constraints);
      }
      boolean all = true;
      for (String part : splitAnd(normalised)) {
        all &= check(part);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static String[] splitAnd(String text) {
    String hyphen = text.replaceAll("(\\S+) - (\\S+)", ">=$1,<=$2");
    return hyphen.replaceAll("(=|!=|>=|=>|<=|=<|>|<|~>|~|\\^)\\s+", "$1").split("\\s*,\\s*|\\s+");
  }

  private boolean check(String part) {
    Matcher m = CONSTRAINT.matcher(part);
    if (!m.matches()) {
      throw new IllegalArgumentException("improper constraint: " + part);
    }
    String op = m.group(1) == null ? "" : m.group(1);
    String[] pieces = m.group(2).replaceFirst("^v", "").split("[+]")[0].split("-", 2);
    String[] nums = pieces[0].split("\\.");
    int fixed = 0;
    long[] v = new long[3];
    for (int i = 0; i < 3 && i < nums.length; i++) {
      if (nums[i].matches("[xX*]")) {
        break;
      }
      v[i] = Long.parseLong(nums[i]);
      fixed++;
    }
    String pre = pieces.length > 1 ? pieces[1] : "";
    Semver c = new Semver(v[0], v[1], v[2], pre, "", m.group(2));
    if (!prerelease.isEmpty() && pre.isEmpty()) {
      return false;
    }
    Semver upper = bump(c, fixed == 0 ? -1 : fixed - 1);
    return switch (op) {
      case "", "=" -> fixed == 3 ? compareTo(c) == 0 : inRange(c, upper);
      case "!=" -> fixed == 3 ? compareTo(c) != 0 : !inRange(c, upper);
      case ">" -> fixed == 3 ? compareTo(c) > 0 : compareTo(upper) >= 0;
      case ">=", "=>" -> compareTo(c) >= 0;
      case "<" -> compareTo(c) < 0;
      case "<=", "=<" -> fixed == 3 ? compareTo(c) <= 0 : compareTo(upper) < 0;
      case "~", "~>" -> inRange(c, bump(c, fixed <= 1 ? 0 : 1));
      default -> inRange(c, caretUpper(c, fixed));
    };
  }

  private boolean inRange(Semver low, Semver high) {
    return compareTo(low) >= 0 && (high == null || compareTo(high) < 0);
  }

  private static Semver bump(Semver c, int position) {
    return switch (position) {
      case -1 -> null;
      case 0 -> new Semver(c.major + 1, 0, 0, "", "", "");
      case 1 -> new Semver(c.major, c.minor + 1, 0, "", "", "");
      default -> new Semver(c.major, c.minor, c.patch + 1, "", "", "");
    };
  }

  private static Semver caretUpper(Semver c, int fixed) {
    if (c.major > 0 || fixed <= 1) {
      return bump(c, 0);
    }
    if (c.minor > 0 || fixed == 2) {
      return bump(c, 1);
    }
    return bump(c, 2);
  }
}
