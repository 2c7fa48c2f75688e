package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void redact_userAndToken_replacedInEveryUrl() {
    String text =
        "fetch https://user:s3cret@example.com/r.git failed; retry http://tok@host:8080/x.tar";
    assertThat(Redaction.redact(text))
        .isEqualTo(
            "fetch https://<REDACTED>@example.com/r.git failed;"
                + " retry http://<REDACTED>@host:8080/x.tar");
  }

  @Test
  void redact_urlWithoutCredentials_unchanged() {
    String text = "https://example.com/a@b.git and mail me@example.com";
    assertThat(Redaction.redact(text)).isEqualTo(text);
  }

  @Test
  void redact_knownSecrets_replacedAnywhere() {
    assertThat(Redaction.redact("token abc123 rejected", "abc123", null, ""))
        .isEqualTo("token <REDACTED> rejected");
  }

  @Test
  void redact_null_staysNull() {
    assertThat(Redaction.redact(null)).isNull();
  }
}
