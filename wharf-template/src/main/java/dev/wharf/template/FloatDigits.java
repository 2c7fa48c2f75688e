package dev.wharf.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A float64 as decimal digits, formatted like Go's {@code strconv.FormatFloat} for the {@code e},
 * {@code f} and {@code g} formats (correctly rounded, half to even on the exact binary value).
 *
 * @param digits significant digits without trailing zeros ("" for zero)
 * @param dp position of the decimal point: the value is 0.digits × 10^dp
 */
record FloatDigits(String digits, int dp) {

  /** The shortest digits that read back as {@code d} (d finite and non-negative). */
  static FloatDigits shortest(double d) {
    if (d == 0) {
      return new FloatDigits("", 0);
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return of(r);
      }
    }
    return of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  /** {@code d} rounded to {@code n} significant digits. */
  static FloatDigits significant(double d, int n) {
    if (d == 0) {
      return new FloatDigits("", 0);
    }
    return of(new BigDecimal(d).round(new MathContext(n, RoundingMode.HALF_EVEN)));
  }

  /** {@code d} rounded to {@code n} digits after the decimal point. */
  static FloatDigits fixed(double d, int n) {
    if (d == 0) {
      return new FloatDigits("", 0);
    }
    return of(new BigDecimal(d).setScale(n, RoundingMode.HALF_EVEN));
  }

  private static FloatDigits of(BigDecimal value) {
    if (value.signum() == 0) {
      return new FloatDigits("", 0);
    }
    BigDecimal b = value.abs().stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    return new FloatDigits(digits, digits.length() - b.scale());
  }

  /** Go's {@code %e} with {@code prec} digits after the point ({@code e} is 'e' or 'E'). */
  String formatE(int prec, char e) {
    StringBuilder s = new StringBuilder();
    s.append(digits.isEmpty() ? '0' : digits.charAt(0));
    if (prec > 0) {
      s.append('.');
      for (int i = 1; i <= prec; i++) {
        s.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    }
    int exp = digits.isEmpty() ? 0 : dp - 1;
    s.append(e).append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      s.append('0');
    }
    return s.append(abs).toString();
  }

  /** Go's {@code %f} with {@code prec} digits after the point. */
  String formatF(int prec) {
    StringBuilder s = new StringBuilder();
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        s.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    } else {
      s.append('0');
    }
    if (prec > 0) {
      s.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = dp + i - 1;
        s.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
      }
    }
    return s.toString();
  }

  /** Go's {@code %g}: {@code prec} significant digits, or shortest when {@code shortest}. */
  String formatG(int prec, boolean shortest, char e) {
    int eprec = prec;
    int nd = digits.length();
    if (eprec > nd && nd >= dp) {
      eprec = nd;
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = dp - 1;
    if (exp < -4 || exp >= eprec) {
      int p = shortest ? nd : prec;
      if (p > nd) {
        p = nd;
      }
      return formatE(Math.max(p - 1, 0), e);
    }
    int p = shortest ? nd : prec;
    if (p > dp) {
      p = nd;
    }
    return formatF(Math.max(p - dp, 0));
  }

  /**
   * Go's shortest {@code %x}/{@code %X} ({@code -0x1.8p+01}) and {@code %b} ({@code
   * 6755399441055744p-51}) of a finite float64.
   */
  static String binary(double d, char fmt) {
    long bits = Double.doubleToRawLongBits(d);
    boolean neg = bits < 0;
    int exp = (int) ((bits >>> 52) & 0x7ff);
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp = 1;
    } else {
      mant |= 1L << 52;
    }
    exp -= 1075;
    String sign = neg ? "-" : "";
    if (fmt == 'b') {
      return sign + mant + "p" + (exp >= 0 ? "+" : "-") + Math.abs(exp);
    }
    if (mant == 0) {
      exp = 0;
    } else {
      // Normalise to 1.xxx: the leading 1 at bit 52, then drop trailing zero nibbles.
      while ((mant & (1L << 52)) == 0) {
        mant <<= 1;
        exp--;
      }
      exp += 52;
    }
    String frac = Long.toHexString(mant & ((1L << 52) - 1));
    frac = "0".repeat(13 - frac.length()) + frac;
    frac = frac.replaceAll("0+$", "");
    String s =
        sign
            + "0x"
            + (mant == 0 ? "0" : "1")
            + (frac.isEmpty() ? "" : "." + frac)
            + "p"
            + (exp >= 0 ? "+" : "-")
            + (Math.abs(exp) < 10 ? "0" : "")
            + Math.abs(exp);
    return fmt == 'X' ? s.toUpperCase(Locale.ROOT) : s;
  }

  /** Go's {@code strconv.FormatFloat(d, fmt, prec, 64)} for fmt e, E, f, F, g, G. */
  static String format(double d, char fmt, int prec) {
    boolean neg = d < 0 || (d == 0 && 1 / d < 0);
    double abs = Math.abs(d);
    String body;
    switch (fmt) {
      case 'e', 'E' -> {
        FloatDigits digits = prec < 0 ? shortest(abs) : significant(abs, prec + 1);
        body = digits.formatE(prec < 0 ? Math.max(digits.digits.length() - 1, 0) : prec, fmt);
      }
      case 'f', 'F' -> {
        FloatDigits digits = prec < 0 ? shortest(abs) : fixed(abs, prec);
        body = digits.formatF(prec < 0 ? Math.max(digits.digits.length() - digits.dp, 0) : prec);
      }
      default -> {
        char e = fmt == 'G' ? 'E' : 'e';
        if (prec < 0) {
          body = shortest(abs).formatG(-1, true, e);
        } else {
          int p = prec == 0 ? 1 : prec;
          body = significant(abs, p).formatG(p, false, e);
        }
      }
    }
    return neg ? "-" + body : body;
  }
}
