package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void parse_bytesAndPowersOf1024() throws Exception {
    assertThat(ByteSize.parse("--f", "1048576")).isEqualTo(1L << 20);
    assertThat(ByteSize.parse("--f", "64k")).isEqualTo(64L << 10);
    assertThat(ByteSize.parse("--f", "512m")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("--f", "512MiB")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("--f", "2G")).isEqualTo(2L << 30);
    assertThat(ByteSize.parse("--f", "2gb")).isEqualTo(2L << 30);
    assertThat(ByteSize.parse("--f", "100b")).isEqualTo(100);
  }

  @Test
  void parse_zeroNegativeFractionUnknownUnitOrOverflow_isBadInputNamingTheFlag() {
    for (String text : new String[] {"0", "0m", "-1m", "1.5g", "2t", "g", "", "9999999999g"}) {
      assertThatThrownBy(() -> ByteSize.parse("--max-upload-size", text))
          .as(text)
          .isInstanceOf(BadInputException.class)
          .hasMessage(
              "--max-upload-size takes a size such as 512m or 2g (k, m, g: KiB, MiB, GiB), not "
                  + text);
    }
  }
}
