package dev.wharf.task;

/** A place in the task file: 1-based line and column, as editors count them. */
public record Position(int line, int column) {

  /** Where nothing better is known: the start of the file. */
  public static final Position START = new Position(1, 1);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
