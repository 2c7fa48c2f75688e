package dev.wharf.template.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SprigTest {

  /** The exact Sprig v2.22 names acb offers (docs/behaviour.md#templates). */
  private static final List<String> ACB_NAMES =
      Arrays.asList(
          ("hello date date_in_zone date_modify now htmlDate htmlDateInZone dateInZone dateModify"
                  + " ago toDate unixEpoch abbrev abbrevboth trunc trim upper lower title untitle"
                  + " substr repeat trimall trimAll trimSuffix trimPrefix nospace initials"
                  + " randAlphaNum randAlpha randAscii randNumeric swapcase shuffle snakecase"
                  + " camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote"
                  + " cat indent nindent replace plural sha1sum sha256sum adler32sum toString atoi"
                  + " int64 int float64 toDecimal split splitList splitn toStrings until untilStep"
                  + " add1 add sub div mod mul biggest max min ceil floor round join sortAlpha"
                  + " default empty coalesce compact deepCopy toJson toPrettyJson ternary typeOf"
                  + " typeIs typeIsLike kindOf kindIs deepEqual env expandenv getHostByName base"
                  + " dir clean ext isAbs b64enc b64dec b32enc b32dec tuple list dict set unset"
                  + " hasKey pluck keys pick omit merge mergeOverwrite values append prepend first"
                  + " rest last initial reverse uniq without has slice concat genPrivateKey"
                  + " derivePassword buildCustomCert genCA genSelfSignedCert genSignedCert"
                  + " encryptAES decryptAES uuidv4 semver semverCompare fail regexMatch"
                  + " regexFindAll regexFind regexReplaceAll regexReplaceAllLiteral regexSplit"
                  + " urlParse urlJoin")
              .split(" "));

  @Test
  void functions_offerExactlyAcbsSprigNames() {
    assertThat(Sprig.functions(true)).containsOnlyKeys(ACB_NAMES);
  }

  @Test
  void functions_withoutEnv_dropOnlyTheEnvironmentReaders() {
    assertThat(Sprig.functions(false).keySet())
        .hasSize(ACB_NAMES.size() - 3)
        .doesNotContain("env", "expandenv", "getHostByName");
  }

  @Test
  void functions_helmOnlyHelpersAreAbsent() {
    assertThat(Sprig.functions(true)).doesNotContainKeys("required", "tpl", "include", "toYaml");
  }
}
