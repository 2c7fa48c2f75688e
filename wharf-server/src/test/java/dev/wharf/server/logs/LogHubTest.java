package dev.wharf.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.server.store.FileBlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogHubTest {
  @TempDir Path data;

  @Test
  void append_lineLongerThanAStoredLine_isStoredInMarkedPiecesAndReadsGoOnPastIt() {
    LogHub hub = new LogHub(new FileBlobStore(data), null);
    String longLine = "x".repeat(100 * 1024);

    hub.append("r1", longLine);
    hub.append("r1", "after");

    String[] stored = new String(hub.read("r1", 0), StandardCharsets.UTF_8).split("\n");
    assertThat(stored[stored.length - 1]).isEqualTo("after");
    StringBuilder joined = new StringBuilder(stored[0]);
    for (int i = 1; i < stored.length - 1; i++) {
      assertThat(stored[i]).startsWith(LogHub.CONTINUED);
      assertThat(stored[i].length()).isLessThanOrEqualTo(LogHub.MAX_LINE_BYTES);
      joined.append(stored[i].substring(LogHub.CONTINUED.length()));
    }
    assertThat(joined.toString()).isEqualTo(longLine);
  }
}
