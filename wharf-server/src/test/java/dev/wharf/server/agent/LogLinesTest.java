package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {

  @Test
  void write_splitCharacterAndCrLf_givesWholeLines() {
    List<String> lines = new ArrayList<>();
    byte[] text = "héllo\r\nworld\nlast".getBytes(StandardCharsets.UTF_8);
    try (LogLines out = new LogLines(lines::add)) {
      out.write(text, 0, 2);
      out.write(text, 2, text.length - 2);
    }
    assertThat(lines).containsExactly("héllo", "world", "last");
  }
}
