package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.TemplateFunction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;

/** Sprig's functions that read the environment, and the crypto ones Wharf does not offer. */
final class SystemFunctions {

  private SystemFunctions() {}

  static void register(Map<String, TemplateFunction> m, boolean allowEnv) {
    if (allowEnv) {
      m.put("env", fn(1, a -> System.getenv().getOrDefault(str(a, 0), "")));
      m.put("expandenv", fn(1, a -> expand(str(a, 0), System.getenv())));
      // A server must not let submitted tasks probe its network's names either.
      m.put("getHostByName", fn(1, a -> hostAddress(str(a, 0))));
    }
    m.put("uuidv4", fn(0, a -> UUID.randomUUID().toString()));
    m.put("semver", fn(1, a -> Semver.parse(str(a, 0)).asMap()));
    m.put("semverCompare", fn(2, a -> Semver.parse(str(a, 1)).satisfies(str(a, 0))));
    unsupported(m, "genPrivateKey", 1);
    unsupported(m, "derivePassword", 5);
    unsupported(m, "buildCustomCert", 2);
    unsupported(m, "genCA", 2);
    unsupported(m, "genSelfSignedCert", 4);
    unsupported(m, "genSignedCert", 5);
    unsupported(m, "encryptAES", 2);
    unsupported(m, "decryptAES", 2);
  }

  private static void unsupported(Map<String, TemplateFunction> m, String name, int arity) {
    m.put(
        name,
        fn(
            arity,
            a -> {
              throw new UnsupportedOperationException(
                  name + " is not supported by Wharf (key and certificate generation is left out)");
            }));
  }

  /**
   * Go's {@code os.Expand}: {@code $NAME}, {@code ${NAME}}, {@code $1}; unknown names are empty.
   */
  static String expand(String s, Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '$' || i + 1 == s.length()) {
        out.append(c);
        i++;
        continue;
      }
      String rest = s.substring(i + 1);
      String name;
      int width;
      if (rest.charAt(0) == '{') {
        int close = rest.indexOf('}');
        if (close < 0) {
          name = "";
          width = 1;
        } else {
          name = rest.substring(1, close);
          width = close + 1;
        }
      } else if (isShellSpecial(rest.charAt(0))) {
        name = rest.substring(0, 1);
        width = 1;
      } else {
        width = 0;
        while (width < rest.length() && isNameChar(rest.charAt(width))) {
          width++;
        }
        name = rest.substring(0, width);
      }
      if (!name.isEmpty()) {
        out.append(env.getOrDefault(name, ""));
      } else if (width == 0) {
        out.append('$');
      }
      i += 1 + width;
    }
    return out.toString();
  }

  private static boolean isShellSpecial(char c) {
    return "*#$@!?-".indexOf(c) >= 0 || (c >= '0' && c <= '9');
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private static String hostAddress(String name) {
    try {
      return InetAddress.getAllByName(name)[0].getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("lookup " + name + ": no such host");
    }
  }
}
