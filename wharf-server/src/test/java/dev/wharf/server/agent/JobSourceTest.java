package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.RunSpec;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.engine.source.GitHttpServer;
import dev.wharf.server.GitRepo;
import dev.wharf.server.trigger.TaskRepository;
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
    RunJob job = new RunJob("wa1", RunType.QuickRun, null, spec(null), archive, null);

    try (JobSource source = JobSource.open(job)) {
      assertThat(source.file("ci/acb.yaml")).contains("version: v1.1.0\n");
      assertThat(source.file("./ci/acb.yaml")).isPresent();
      assertThat(source.file("acb.yaml")).isEmpty();
    }
  }

  @Test
  void open_serverFolderAsContext_isRefused() {
    RunJob job = new RunJob("wa1", RunType.AutoRun, "t", spec("/etc"), null, null);

    assertThatThrownBy(() -> JobSource.open(job))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a URL");
  }

  @Test
  void open_commitTriggeredRun_checksOutThatCommitAndReportsItsBranch() throws Exception {
    GitRepo repo = GitRepo.create(temp, "app");
    String first = repo.commit("main", "acb.yaml", "first\n");
    repo.commit("main", "acb.yaml", "moved on\n");
    try (GitHttpServer git = new GitHttpServer(temp, null, null)) {
      String context = TaskRepository.contextAt(git.url("app.git") + "#main", first);
      RunTrigger trigger =
          new RunTrigger.Source("github", "commit", git.url("app.git"), "main", first, null);
      RunJob job = new RunJob("wa1", RunType.AutoRun, "app", spec(context), null, trigger);

      try (JobSource source = JobSource.open(job)) {
        assertThat(source.file("acb.yaml")).contains("first\n");
        assertThat(source.commit()).isEqualTo(first);
        assertThat(source.branch()).isEqualTo("main");
      }
    }
  }

  private static RunSpec spec(String context) {
    return new RunSpec(context, null, null, null, null, null, null, null, 0);
  }
}
