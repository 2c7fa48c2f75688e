package dev.wharf.template;

import java.util.List;

/** Go's {@code fmt.Sprintf} format-string walk: flags, widths, argument indexes and mistakes. */
final class Printf {

  private final Printer p;
  private boolean reordered;
  private boolean goodArgNum;

  Printf(Printer p) {
    this.p = p;
  }

  void format(String format, List<?> a) {
    int end = format.length();
    int argNum = 0;
    boolean afterIndex;
    reordered = false;
    int i = 0;
    while (i < end) {
      goodArgNum = true;
      int last = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      p.out.append(format, last, i);
      if (i >= end) {
        break;
      }
      i++;
      p.clearFlags();
      flags:
      for (; i < end; i++) {
        switch (format.charAt(i)) {
          case '#' -> p.sharp = true;
          case '0' -> p.zero = !p.minus;
          case '+' -> p.plus = true;
          case '-' -> {
            p.minus = true;
            p.zero = false;
          }
          case ' ' -> p.space = true;
          default -> {
            break flags;
          }
        }
      }
      int[] r = argNumber(argNum, format, i, a.size());
      argNum = r[0];
      i = r[1];
      afterIndex = r[2] == 1;
      if (i < end && format.charAt(i) == '*') {
        i++;
        int[] w = intFromArg(a, argNum);
        p.wid = w[0];
        p.widPresent = w[1] == 1;
        argNum = w[2];
        if (!p.widPresent) {
          p.out.append("%!(BADWIDTH)");
        }
        if (p.wid < 0) {
          p.wid = -p.wid;
          p.minus = true;
          p.zero = false;
        }
        afterIndex = false;
      } else {
        int[] n = parseNum(format, i, end);
        p.wid = n[0];
        p.widPresent = n[1] == 1;
        i = n[2];
        if (afterIndex && p.widPresent) {
          goodArgNum = false;
        }
      }
      if (i + 1 < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) {
          goodArgNum = false;
        }
        r = argNumber(argNum, format, i, a.size());
        argNum = r[0];
        i = r[1];
        afterIndex = r[2] == 1;
        if (i < end && format.charAt(i) == '*') {
          i++;
          int[] w = intFromArg(a, argNum);
          p.prec = w[0];
          p.precPresent = w[1] == 1;
          argNum = w[2];
          if (p.prec < 0) {
            p.prec = 0;
            p.precPresent = false;
          }
          if (!p.precPresent) {
            p.out.append("%!(BADPREC)");
          }
          afterIndex = false;
        } else {
          int[] n = parseNum(format, i, end);
          p.prec = n[0];
          p.precPresent = true;
          i = n[2];
        }
      }
      if (!afterIndex) {
        r = argNumber(argNum, format, i, a.size());
        argNum = r[0];
        i = r[1];
      }
      if (i >= end) {
        p.out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        p.out.append('%');
      } else if (!goodArgNum) {
        p.out.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (argNum >= a.size()) {
        p.out.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          p.sharpV = p.sharp;
          p.sharp = false;
          p.plusV = p.plus;
          p.plus = false;
        }
        p.printArg(a.get(argNum), verb);
        argNum++;
      }
    }
    if (!reordered && argNum < a.size()) {
      p.clearFlags();
      p.out.append("%!(EXTRA ");
      for (int k = argNum; k < a.size(); k++) {
        if (k > argNum) {
          p.out.append(", ");
        }
        Object arg = a.get(k);
        if (arg == null) {
          p.out.append("<nil>");
        } else {
          p.out.append(GoFormat.typeName(arg)).append('=');
          p.printArg(arg, 'v');
        }
      }
      p.out.append(')');
    }
  }

  /** Returns {argNum, i, found}. */
  private int[] argNumber(int argNum, String format, int i, int numArgs) {
    if (format.length() <= i || format.charAt(i) != '[') {
      return new int[] {argNum, i, 0};
    }
    reordered = true;
    for (int j = i + 1; j < format.length(); j++) {
      if (format.charAt(j) == ']') {
        int[] n = parseNum(format, i + 1, j);
        if (n[1] == 0 || n[2] != j) {
          goodArgNum = false;
          return new int[] {argNum, j + 1, 0};
        }
        int index = n[0] - 1;
        if (index >= 0 && index < numArgs) {
          return new int[] {index, j + 1, 1};
        }
        goodArgNum = false;
        return new int[] {argNum, j + 1, 1};
      }
    }
    goodArgNum = false;
    return new int[] {argNum, i + 1, 0};
  }

  /** Returns {num, isnum, newi}. */
  private static int[] parseNum(String s, int start, int end) {
    if (start >= end) {
      return new int[] {0, 0, end};
    }
    int num = 0;
    boolean isNum = false;
    int i = start;
    for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      if (num > 1_000_000) {
        return new int[] {0, 0, end};
      }
      num = num * 10 + (s.charAt(i) - '0');
      isNum = true;
    }
    return new int[] {num, isNum ? 1 : 0, i};
  }

  /** Returns {num, isInt, newArgNum}. */
  private static int[] intFromArg(List<?> a, int argNum) {
    if (argNum >= a.size()) {
      return new int[] {0, 0, argNum};
    }
    Object v = a.get(argNum);
    int num = 0;
    boolean isInt = false;
    if (Values.isInt(v)) {
      long n = ((Number) v).longValue();
      if (n >= -1_000_000 && n <= 1_000_000) {
        num = (int) n;
        isInt = true;
      }
    }
    return new int[] {num, isInt ? 1 : 0, argNum + 1};
  }
}
