package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {
  private static final String SECRET = "pa??w0rd>>>";
  private final SecretMasker masker = new SecretMasker(List.of(SECRET));

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void mask_plainValue_isReplaced() {
    assertThat(masker.mask("login with " + SECRET + " now")).isEqualTo("login with *** now");
  }

  @Test
  void mask_everyOccurrence_isReplaced() {
    assertThat(masker.mask(SECRET + SECRET + "x" + SECRET)).isEqualTo("******x***");
  }

  @Test
  void mask_standardBase64WithAndWithoutPadding_isReplaced() {
    String encoded = base64(SECRET);
    assertThat(encoded).endsWith("=");

    assertThat(masker.mask("v=" + encoded + ";")).isEqualTo("v=***;");
    assertThat(masker.mask("v=" + encoded.replace("=", "") + ";")).isEqualTo("v=***;");
  }

  @Test
  void mask_urlSafeBase64_isReplaced() {
    String urlSafe = Base64.getUrlEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    assertThat(urlSafe).contains("_");

    assertThat(masker.mask(urlSafe)).isEqualTo("***");
    assertThat(masker.mask(urlSafe.replace("=", ""))).isEqualTo("***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "u", "us", "user:", "admin:"})
  void mask_base64OfLongerText_hidesTheSecretAtEveryOffset(String prefix) {
    String header = "Authorization: Basic " + base64(prefix + SECRET + "\n");

    String masked = masker.mask(header);

    assertThat(masked).contains("***").doesNotContain(base64(SECRET).substring(1, 9));
    String visible = masked.substring("Authorization: Basic ".length());
    assertThat(visible.replace("***", "").length()).isLessThanOrEqualTo(prefix.length() * 2 + 6);
  }

  @Test
  void mask_urlEncodedForms_areReplaced() {
    SecretMasker withSpace = new SecretMasker(List.of("p@ss w/rd"));

    assertThat(withSpace.mask("?pw=p%40ss+w%2Frd&x=1")).isEqualTo("?pw=***&x=1");
    assertThat(withSpace.mask("?pw=p%40ss%20w%2Frd&x=1")).isEqualTo("?pw=***&x=1");
  }

  @Test
  void mask_shortValue_isNotMaskedAndWarnedAboutWithoutShowingIt() {
    SecretMasker shortOne = new SecretMasker(List.of("abc"));

    assertThat(shortOne.mask("abcdef")).isEqualTo("abcdef");
    assertThat(shortOne.warnings())
        .singleElement()
        .asString()
        .contains("shorter than 4")
        .doesNotContain("abc");
  }

  @Test
  void mask_linesOfAMultiLineSecret_areEachReplaced() {
    SecretMasker key =
        new SecretMasker(List.of("-----BEGIN KEY-----\nMIIEvQIBADAN\n-----END KEY-----\n"));

    assertThat(key.mask("got MIIEvQIBADAN\r\n")).isEqualTo("got ***\r\n");
  }

  @Test
  void warnings_longValues_none() {
    assertThat(masker.warnings()).isEmpty();
  }

  @Test
  void mask_noSecrets_returnsTextUnchanged() {
    assertThat(SecretMasker.none().mask("anything")).isEqualTo("anything");
  }

  @Test
  void stream_secretSplitAcrossChunks_isMaskedAndNeverShownInPart() {
    SecretMasker.StreamMasker stream = masker.stream();

    String first = stream.accept("the pa??");
    String second = stream.accept("w0r");
    String third = stream.accept("d>>> is set\n");
    String rest = stream.flush();

    assertThat(first + second + third + rest).isEqualTo("the *** is set\n");
    assertThat(first).isEqualTo("the ");
    assertThat(second).isEmpty();
  }

  @Test
  void stream_textThatCannotStartASecret_isShownAtOnce() {
    assertThat(masker.stream().accept("hello\n")).isEqualTo("hello\n");
  }

  @Test
  void stream_heldBackTextThatTurnsOutHarmless_isShownWithTheNextChunk() {
    SecretMasker.StreamMasker stream = masker.stream();

    String first = stream.accept("say pa");
    String second = stream.accept("ris\n");

    assertThat(first).isEqualTo("say ");
    assertThat(second).isEqualTo("paris\n");
  }

  @Test
  void stream_flush_showsAnUnfinishedPrefix() {
    SecretMasker.StreamMasker stream = masker.stream();

    assertThat(stream.accept("pa??")).isEmpty();
    assertThat(stream.flush()).isEqualTo("pa??");
  }

  @Test
  void formsOf_value_containsBase64AtEachOffset() {
    assertThat(SecretMasker.formsOf(SECRET)).hasSizeGreaterThanOrEqualTo(8).contains(SECRET);
  }
}
