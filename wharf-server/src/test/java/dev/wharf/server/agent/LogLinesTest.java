package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.server.logs.LogHub;
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

  @Test
  void write_oneMegabyteLine_passesItOnInMarkedPiecesThatJoinToTheLine() {
    List<String> lines = new ArrayList<>();
    String longLine = "é".repeat(512 * 1024);
    try (LogLines out = new LogLines(lines::add)) {
      byte[] bytes = (longLine + "\nnext\n").getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
    }

    assertThat(lines.size()).isGreaterThan(60);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("next");
    StringBuilder joined = new StringBuilder(lines.get(0));
    for (String piece : lines.subList(1, lines.size() - 1)) {
      assertThat(piece).startsWith(LogHub.CONTINUED);
      assertThat(piece.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(LogHub.MAX_LINE_BYTES);
      joined.append(piece.substring(LogHub.CONTINUED.length()));
    }
    assertThat(joined.toString()).isEqualTo(longLine);
  }
}
