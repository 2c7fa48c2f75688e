package dev.wharf.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Loads the classes of the everyday commands once, so that the launcher can dump them into the
 * AppCDS archive ({@code -XX:ArchiveClassesAtExit}) that makes later starts fast.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    for (String[] command : new String[][] {{"--version"}, {"--help"}, {"version"}}) {
      Main.execute(command, sink, sink);
    }
  }
}
