package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {
  @TempDir Path temp;

  private int wharf(StringWriter out, StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err), temp);
  }

  @Test
  void tokenCreate_newDataDir_printsOneToken() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status =
        wharf(out, err, "server", "token", "create", "--data-dir", "data", "--role", "run");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString().strip()).startsWith("wharf_").doesNotContain("\n");
    assertThat(temp.resolve("data")).isDirectory();
  }

  @Test
  void tokenCreate_unknownRole_isBadInput() {
    StringWriter err = new StringWriter();

    int status =
        wharf(
            new StringWriter(), err, "server", "token", "create", "--data-dir", "d", "--role", "x");

    assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("--role takes read, run, admin or agent");
  }

  @Test
  void server_listenWithoutPort_isBadInput() {
    StringWriter err = new StringWriter();

    int status = wharf(new StringWriter(), err, "server", "--data-dir", "d", "--listen", "host");

    assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("--listen takes HOST:PORT");
  }

  @Test
  void server_maxUploadSizeNotASize_isBadInputBeforeTheServerStarts() {
    StringWriter err = new StringWriter();

    int status =
        wharf(
            new StringWriter(),
            err,
            "server",
            "--data-dir",
            "d",
            "--listen",
            "127.0.0.1:0",
            "--agents",
            "0",
            "--max-upload-size",
            "lots");

    assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString())
        .contains("--max-upload-size takes a size such as 512m or 2g (k, m, g: KiB, MiB, GiB)");
  }

  @Test
  void task_withoutServer_isBadInput() {
    StringWriter err = new StringWriter();

    int status = wharf(new StringWriter(), err, "task", "list", "--server", "");

    assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("no server");
  }

  @Test
  void tokenCommand_withDataDir_namesTheSameDataDir() {
    assertThat(ServerStart.tokenCommand(Path.of("/srv/my data"), null))
        .isEqualTo("wharf server token create --role admin --data-dir '/srv/my data'");
    assertThat(ServerStart.tokenCommand(null, null))
        .isEqualTo("wharf server token create --role admin");
  }

  @Test
  void tokenCommand_withDb_neverPrintsTheUrl() {
    assertThat(ServerStart.tokenCommand(null, "jdbc:postgresql://db/w?password=pw"))
        .contains("--db")
        .doesNotContain("pw");
  }
}
