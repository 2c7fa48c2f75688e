package dev.wharf.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskerTest {
  @Test
  void mask_secretInsideAnother_masksTheLongerWhole() {
    Masker masker = new Masker(List.of("pass", "password123"));

    assertThat(masker.mask("use password123 or pass")).isEqualTo("use *** or ***");
  }

  @Test
  void mask_emptySecret_isIgnored() {
    assertThat(new Masker(List.of("")).mask("text")).isEqualTo("text");
  }
}
