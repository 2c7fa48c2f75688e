package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextPackerTest {

  @TempDir Path dir;

  private TarContents pack(ContextPacker packer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    packer.pack(dir, out);
    return TarContents.read(out.toByteArray());
  }

  private void write(String rel, String text) throws IOException {
    Path file = dir.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void pack_entries_sortedWithFoldersBeforeTheirContent() throws IOException {
    write("b.txt", "b");
    write("a/z.txt", "z");
    write("a/c.txt", "c");
    write("A.txt", "A");

    TarContents tar = pack(ContextPacker.everything());

    assertThat(tar.names()).containsExactly("A.txt", "a/", "a/c.txt", "a/z.txt", "b.txt");
    assertThat(tar.text()).containsEntry("a/c.txt", "c");
  }

  @Test
  void pack_sameFolderTwice_identicalBytes() throws IOException {
    for (int i = 0; i < 20; i++) {
      write("d" + (i % 3) + "/f" + i, "x" + i);
    }
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    ContextPacker.everything().pack(dir, first);
    ContextPacker.everything().pack(dir, second);
    assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
  }

  @Test
  void pack_modeAndMtime_kept_ownerRoot() throws IOException {
    write("run.sh", "#!/bin/sh\n");
    Path script = dir.resolve("run.sh");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Instant mtime = Instant.parse("2024-05-06T07:08:09Z");
    Files.setLastModifiedTime(script, FileTime.from(mtime));

    TarArchiveEntry entry = pack(ContextPacker.everything()).entries().get("run.sh");

    assertThat(entry.getMode()).isEqualTo(0750);
    assertThat(entry.getModTime().toInstant()).isEqualTo(mtime);
    assertThat(entry.getLongUserId()).isZero();
    assertThat(entry.getUserName()).isEmpty();
  }

  @Test
  void pack_symlinks_keptAsLinksEvenWhenPointingOutside() throws IOException {
    write("real/file.txt", "inside");
    Files.createSymbolicLink(dir.resolve("inner"), Path.of("real"));
    Path outer = Files.createSymbolicLink(dir.resolve("outer"), Path.of("/etc"));

    TarContents tar;
    try {
      tar = pack(ContextPacker.everything());
    } finally {
      // removed here, or the temporary folder's clean-up warns about a link to outside it
      Files.delete(outer);
    }

    assertThat(tar.entries().get("inner").isSymbolicLink()).isTrue();
    assertThat(tar.entries().get("inner").getLinkName()).isEqualTo("real");
    assertThat(tar.entries().get("outer").getLinkName()).isEqualTo("/etc");
    assertThat(tar.names()).noneMatch(n -> n.startsWith("outer/") || n.startsWith("inner/"));
  }

  @Test
  void pack_localFolder_dropsVcsFoldersAtAnyDepth() throws IOException {
    write(".git/HEAD", "ref");
    write("sub/.svn/entries", "x");
    write(".hg/store", "x");
    write(".gitignore", "kept");
    write("sub/code.c", "int x;");

    TarContents tar = pack(ContextPacker.forLocalFolder(DockerIgnore.none(), Set.of()));

    assertThat(tar.names()).containsExactly(".gitignore", "sub/", "sub/code.c");
  }

  @Test
  void pack_dockerignore_excludedFileAbsentAndExceptionPresent() throws IOException {
    write("app.js", "app");
    write("secret.env", "x");
    write("logs/a.log", "a");
    write("logs/keep.log", "k");
    write("docs/x.md", "x");
    DockerIgnore ignore = DockerIgnore.parse("*.env\nlogs\n!logs/keep.log\ndocs/**\n");

    TarContents tar = pack(ContextPacker.forLocalFolder(ignore, Set.of()));

    assertThat(tar.names()).containsExactly("app.js", "docs/", "logs/", "logs/keep.log");
  }

  @Test
  void pack_alwaysSentPaths_keptDespiteIgnoreRules() throws IOException {
    write("Dockerfile", "FROM scratch");
    write(".dockerignore", "*\n");
    write("build/acb.yaml", "steps: []");
    write("build/other", "x");

    TarContents tar =
        pack(
            ContextPacker.forLocalFolder(
                DockerIgnore.parse("*\n"),
                Set.of("Dockerfile", ".dockerignore", "./build/acb.yaml")));

    assertThat(tar.names())
        .containsExactly(".dockerignore", "Dockerfile", "build/", "build/acb.yaml");
  }

  @Test
  void pack_deepExceptionInExcludedFolder_sendsFileWithItsFolders() throws IOException {
    write("docs/a/keep.md", "k");
    write("docs/a/drop.md", "d");
    write("docs/b/other.txt", "o");

    TarContents tar =
        pack(
            ContextPacker.forLocalFolder(DockerIgnore.parse("docs\n!docs/**/keep.md\n"), Set.of()));

    assertThat(tar.names()).containsExactly("docs/", "docs/a/", "docs/a/keep.md");
  }

  @Test
  void pack_excludedFolderWithoutException_skippedWhole() throws IOException {
    write("node_modules/a/b.js", "x");
    write("index.js", "x");

    TarContents tar =
        pack(ContextPacker.forLocalFolder(DockerIgnore.parse("node_modules\n"), Set.of()));

    assertThat(tar.names()).containsExactly("index.js");
  }

  @Test
  void pack_emptyFolder_isKept() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    assertThat(pack(ContextPacker.everything()).names()).containsExactly("empty/");
  }

  @Test
  void pack_longNames_roundTrip() throws IOException {
    String longName = "d".repeat(120) + "/" + "f".repeat(150) + ".txt";
    write(longName, "long");
    assertThat(pack(ContextPacker.everything()).text()).containsEntry(longName, "long");
  }

  @Test
  void pack_thousandSmallFiles_packsEveryOne() throws IOException {
    for (int d = 0; d < 20; d++) {
      Path sub = Files.createDirectories(dir.resolve("dir" + d));
      for (int f = 0; f < 50; f++) {
        Files.writeString(sub.resolve("file" + f + ".txt"), "content " + d + "/" + f);
      }
    }
    DockerIgnore ignore = DockerIgnore.parse("**/*.tmp\n*.log\n!important.log\n");

    int written =
        ContextPacker.forLocalFolder(ignore, Set.of()).pack(dir, new ByteArrayOutputStream());

    // 1,000 files and 20 folders: creating 10,000 took minutes on a busy disk
    assertThat(written).isEqualTo(1_020);
  }
}
