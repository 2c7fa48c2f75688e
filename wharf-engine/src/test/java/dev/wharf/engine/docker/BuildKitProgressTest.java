package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitProgressTest {

  private static byte[] timestamp(long seconds, int nanos) {
    return new Protobuf.Writer().varint(1, seconds).varint(2, nanos).toByteArray();
  }

  @Test
  void vertexesLogsAndStatuses_printAsPlainProgressLinesWithoutTimes() {
    List<String> lines = new ArrayList<>();
    BuildKitProgress progress = new BuildKitProgress(lines::add);
    byte[] started =
        new Protobuf.Writer()
            .string(1, "sha256:a")
            .string(2, "sha256:input")
            .string(3, "[2/2] RUN make")
            .bytes(5, timestamp(10, 0))
            .toByteArray();
    progress.accept(new Protobuf.Writer().bytes(1, started).toByteArray());
    byte[] log =
        new Protobuf.Writer().string(1, "sha256:a").varint(3, 1).string(4, "hel").toByteArray();
    byte[] rest =
        new Protobuf.Writer().string(1, "sha256:a").varint(3, 1).string(4, "lo\nbye").toByteArray();
    progress.accept(new Protobuf.Writer().bytes(3, log).bytes(3, rest).toByteArray());
    byte[] done =
        new Protobuf.Writer()
            .string(1, "sha256:a")
            .string(3, "[2/2] RUN make")
            .bytes(5, timestamp(10, 0))
            .bytes(6, timestamp(11, 500_000_000))
            .toByteArray();
    byte[] cached =
        new Protobuf.Writer()
            .string(1, "sha256:b")
            .string(3, "[1/2] FROM x")
            .varint(4, 1)
            .toByteArray();
    byte[] status =
        new Protobuf.Writer()
            .string(1, "writing image")
            .string(2, "sha256:a")
            .bytes(8, timestamp(12, 0))
            .toByteArray();
    progress.accept(
        new Protobuf.Writer()
            .bytes(1, done)
            .bytes(1, cached)
            .bytes(2, status)
            .bytes(2, status)
            .toByteArray());
    progress.finish();

    assertThat(lines)
        .containsExactly(
            "#1 [2/2] RUN make",
            "#1 hello",
            "#1 bye",
            "#1 DONE 1.5s",
            "#2 [1/2] FROM x",
            "#2 CACHED",
            "#1 writing image done");
  }

  @Test
  void aMessageTheEngineSent_decodes() {
    // A real trace message of dockerd 20.10 (the context upload vertex starting).
    byte[] real =
        Base64.getDecoder()
            .decode(
                "Cn0KR3NoYTI1Njo3NGQ1NDg0NWQ0Y2U2YjY5YWIyMGU4YzhmMTJjNGViZDJjMTkwMTU0MjMxZjYwOTMxNmJhMzZmMzkzZWRiMDlhGiRbaW50ZXJuYWxdIGxvYWQgcmVtb3RlIGJ1aWxkIGNvbnRleHQqDAiI5b/YBhD2uNrUAw==");
    List<String> lines = new ArrayList<>();
    new BuildKitProgress(lines::add).accept(real);
    assertThat(lines).containsExactly("#1 [internal] load remote build context");
  }

  @Test
  void anErrorEndsTheVertexWithItsMessage() {
    List<String> lines = new ArrayList<>();
    BuildKitProgress progress = new BuildKitProgress(lines::add);
    byte[] failed =
        new Protobuf.Writer()
            .string(1, "sha256:c")
            .string(3, "[2/2] RUN false")
            .bytes(5, timestamp(1, 0))
            .bytes(6, timestamp(2, 0))
            .string(7, "exit code: 1")
            .toByteArray();
    progress.accept(new Protobuf.Writer().bytes(1, failed).toByteArray());
    assertThat(lines).containsExactly("#1 [2/2] RUN false", "#1 ERROR: exit code: 1");
  }
}
