package dev.wharf.template.sprig;

import dev.wharf.template.TemplateFunction;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The Sprig v2.22 function map acb gives its templates, written in Java. */
public final class Sprig {

  private Sprig() {}

  /**
   * Every Sprig function of acb's template language, by name.
   *
   * @param allowEnv whether {@code env}, {@code expandenv} and {@code getHostByName} may read this
   *     process's environment and name service (false in server mode, where they belong to the
   *     server)
   */
  public static Map<String, TemplateFunction> functions(boolean allowEnv) {
    Map<String, TemplateFunction> m = new HashMap<>();
    StringFunctions.register(m);
    WordFunctions.register(m);
    MathFunctions.register(m);
    ListFunctions.register(m);
    DictFunctions.register(m);
    DefaultFunctions.register(m);
    ReflectFunctions.register(m);
    EncodingFunctions.register(m);
    RegexFunctions.register(m);
    DateFunctions.register(m);
    PathFunctions.register(m);
    SystemFunctions.register(m, allowEnv);
    return Collections.unmodifiableMap(m);
  }
}
