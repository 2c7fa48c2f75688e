package dev.wharf.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  @TempDir Path dir;

  @Test
  void seal_thenOpenWithTheSameKeyFile_givesThePlaintextBack() {
    String sealed = SecretBox.openOrCreate(dir.resolve("server.key")).seal("hunter2");

    assertThat(sealed).doesNotContain("hunter2");
    assertThat(SecretBox.openOrCreate(dir.resolve("server.key")).open(sealed)).isEqualTo("hunter2");
  }

  @Test
  void seal_samePlaintextTwice_differs() {
    SecretBox box = SecretBox.openOrCreate(dir.resolve("server.key"));

    assertThat(box.seal("x")).isNotEqualTo(box.seal("x"));
  }

  @Test
  void open_withAnotherKey_failsWithAClearMessage() {
    String sealed = SecretBox.openOrCreate(dir.resolve("a.key")).seal("hunter2");

    assertThatThrownBy(() -> SecretBox.openOrCreate(dir.resolve("b.key")).open(sealed))
        .hasMessageContaining("server key");
  }

  @Test
  void openOrCreate_newKey_isReadableByTheOwnerOnly() throws Exception {
    SecretBox.openOrCreate(dir.resolve("server.key"));

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server.key"))))
        .isEqualTo("rw-------");
  }
}
