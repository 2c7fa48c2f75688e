package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.TemplateFunction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sprig's functions that read the environment, and the crypto ones Wharf does not offer. */
final class SystemFunctions {

  private static final Pattern ENV_REF =
      Pattern.compile("\\$(?:\\{([^}]*)}|([A-Za-z0-9_]+|[*#$@!?\\-]))");

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

  /** Go's {@code os.Expand}: {@code $NAME} and {@code ${NAME}}; unknown names become empty. */
  static String expand(String s, Map<String, String> env) {
    Matcher m = ENV_REF.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(name, "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String hostAddress(String name) {
    try {
      return InetAddress.getAllByName(name)[0].getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("lookup " + name + ": no such host");
    }
  }
}
