package dev.wharf.engine.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A tar stream read back with commons-compress, for assertions. */
record TarContents(
    List<String> names, Map<String, TarArchiveEntry> entries, Map<String, String> text) {

  static TarContents read(byte[] tar) throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, String> text = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
        entries.put(entry.getName(), entry);
        if (entry.isFile()) {
          text.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return new TarContents(names, entries, text);
  }

  /** Names of regular files only. */
  List<String> files() {
    return names.stream().filter(n -> entries.get(n).isFile()).toList();
  }
}
