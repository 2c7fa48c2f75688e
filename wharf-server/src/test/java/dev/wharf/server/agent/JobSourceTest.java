package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.RunSpec;
import dev.wharf.api.RunType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSourceTest {
  @TempDir Path temp;

  @Test
  void file_uploadedArchive_findsTheTaskFileWithOrWithoutDotSlash() throws IOException {
    Path archive = temp.resolve("ctx.tar.gz");
    byte[] task = "version: v1.1.0\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry entry = new TarArchiveEntry("./ci/acb.yaml");
      entry.setSize(task.length);
      tar.putArchiveEntry(entry);
      tar.write(task);
      tar.closeArchiveEntry();
    }
    RunJob job = new RunJob("wa1", RunType.QuickRun, null, spec(null), archive);

    try (JobSource source = JobSource.open(job, true)) {
      assertThat(source.file("ci/acb.yaml")).contains("version: v1.1.0\n");
      assertThat(source.file("./ci/acb.yaml")).isPresent();
      assertThat(source.file("acb.yaml")).isEmpty();
    }
  }

  @Test
  void open_serverFolderAsContext_isRefused() {
    RunJob job = new RunJob("wa1", RunType.AutoRun, "t", spec("/etc"), null);

    assertThatThrownBy(() -> JobSource.open(job, true))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a URL");
  }

  private static RunSpec spec(String context) {
    return new RunSpec(context, null, null, null, null, null, null, null, 0);
  }
}
