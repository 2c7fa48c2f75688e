package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatDigitsTest {

  @ParameterizedTest(name = "{0} {1}.{2} -> {3}")
  @CsvSource({
    "0.1, g, -1, 0.1",
    "100000, g, -1, 100000",
    "1000000, g, -1, 1e+06",
    "0.0001, g, -1, 0.0001",
    "0.00001, g, -1, 1e-05",
    "1e21, g, -1, 1e+21",
    "123456.7, g, -1, 123456.7",
    "2.5, f, 0, 2",
    "0.125, f, 2, 0.12",
    "1.005, f, 2, 1.00",
    "0, e, 2, 0.00e+00",
    "-0.0, g, -1, -0",
    "1e100, e, 3, 1.000e+100",
    "5e-324, g, -1, 5e-324",
    "1.7976931348623157e308, g, -1, 1.7976931348623157e+308",
    "123.456, g, 2, 1.2e+02",
    "0.5, g, 0, 0.5",
    "3, f, -1, 3",
  })
  void format_matchesStrconv(double value, char fmt, int prec, String expected) {
    assertThat(FloatDigits.format(value, fmt, prec)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "3.0, x, 0x1.8p+01",
    "1.0, x, 0x1p+00",
    "-0.1, X, -0X1.999999999999AP-04",
    "0.0, x, 0x0p+00",
    "1.0, b, 4503599627370496p-52",
    "5e-324, x, 0x1p-1074",
  })
  void binary_matchesStrconv(double value, char fmt, String expected) {
    assertThat(FloatDigits.binary(value, fmt)).isEqualTo(expected);
  }
}
