package dev.wharf.template;

import org.junit.jupiter.params.provider.Arguments;

/** printf cases for {@link TemplateTest}, with the output Go's fmt gives. */
final class PrintfCases {

  private PrintfCases() {}

  private static Arguments p(String args, String expected) {
    return Arguments.of("{{printf " + args + "}}", expected, null);
  }

  static Arguments[] all() {
    return new Arguments[] {
      p("\"%d\" 42", "42"),
      p("\"%5d|%-5d|%05d\" 42 42 42", "   42|42   |00042"),
      p("\"%+d % d\" 5 5", "+5  5"),
      p("\"%x %X %o %b\" 255 255 8 5", "ff FF 10 101"),
      p("\"%#x %#o %#X\" 255 8 255", "0xff 010 0XFF"),
      p("\"%c%c\" 72 105", "Hi"),
      p("\"%q\" 65", "'A'"),
      p("\"%U\" 65", "U+0041"),
      p("\"%s\" \"x\"", "x"),
      p("\"%10s|%-10s|\" \"ab\" \"cd\"", "        ab|cd        |"),
      p("\"%.2s\" \"abcdef\"", "ab"),
      p("\"%q\" \"a\\\"b\"", "\"a\\\"b\""),
      p("\"%x\" \"hi\"", "6869"),
      p("\"% x\" \"hi\"", "68 69"),
      p("\"%v %v %v\" 1 \"a\" true", "1 a true"),
      p("\"%t\" true", "true"),
      p("\"%f\" 3.14159", "3.141590"),
      p("\"%.2f\" 3.14159", "3.14"),
      p("\"%8.3f|\" 3.14159", "   3.142|"),
      p("\"%e\" 1234.5678", "1.234568e+03"),
      p("\"%E\" 0.000123", "1.230000E-04"),
      p("\"%g\" 1234.5678", "1234.5678"),
      p("\"%g\" 0.00001", "1e-05"),
      p("\"%.3g\" 1234.5678", "1.23e+03"),
      p("\"%.2f\" 2.675", "2.67"),
      p("\"%.1f\" 0.25", "0.2"),
      p("\"%.0f %.0f\" 2.5 3.5", "2 4"),
      p("\"%5.1f%%\" 99.25", " 99.2%"),
      p("\"%d\" \"x\"", "%!d(string=x)"),
      p("\"%s\" 5", "%!s(int=5)"),
      p("\"%d\"", "%!d(MISSING)"),
      p("\"%d %s\" 1", "1 %!s(MISSING)"),
      p("\"%d\" 1 2", "1%!(EXTRA int=2)"),
      p("\"%d\" 1 \"a\" nil", "1%!(EXTRA string=a, <nil>)"),
      p("\"%z\" 1", "%!z(int=1)"),
      p("\"100%%\"", "100%"),
      p("\"%\"", "%!(NOVERB)"),
      p("\"%s\" nil", "%!s(<nil>)"),
      p("\"%v\" nil", "<nil>"),
      p("\"%d\" .Values.nums", "[3 1 2]"),
      p("\"%s\" .Values.items", "[a b c]"),
      p("\"%v\" .Values.m", "map[a:1 b:2]"),
      p("\"%#v\" \"x\"", "\"x\""),
      p("\"%#v\" .Values.items", "[]interface {}{\"a\", \"b\", \"c\"}"),
      p("\"%T %T %T\" 1 \"s\" 1.5", "int string float64"),
      p("\"%[2]d %[1]d\" 1 2", "2 1"),
      p("\"%*d\" 5 42", "   42"),
      p("\"%-+6.2f|\" 3.14159", "+3.14 |"),
      p("\"%06.2f\" -3.14159", "-03.14"),
      p("\"%x\" -255", "-ff"),
      p("\"%v\" 1e21", "1e+21"),
      p("\"%5t|\" true", " true|"),
      p("\"%s\" .Values.f", "%!s(float64=1.5)"),
      p("\"%d\" .Values.f", "%!d(float64=1.5)"),
      p("\"%v\" .Values.nil", "<nil>"),
      p("\"%q\" .Values.items", "[\"a\" \"b\" \"c\"]"),
      p("\"%03d\" -5", "-05"),
      p("\"%5v|\" .Values.nums", "[    3     1     2]|"),
      p("\"%+v\" .Rec", "{Name:Alice Age:30}"),
      p("\"%v\" .Rec", "{Alice 30}"),
      p("\"%d\" .Values.items", "[%!d(string=a) %!d(string=b) %!d(string=c)]"),
      p("\"%.3v\" \"abcdef\"", "abc"),
      p("\"%6.2v|\" 3.14159", "   3.1|"),
      p("\"%g %g\" 100000.0 1000000.0", "100000 1e+06"),
      p("\"%v\" 0.1", "0.1"),
      p("\"%.2e\" 0.0", "0.00e+00"),
    };
  }
}
