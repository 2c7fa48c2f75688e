package dev.wharf.task;

/** Something in the task file that Wharf accepts but that is probably a mistake. */
public record Warning(String file, Position position, String message) {

  @Override
  public String toString() {
    return file + ":" + position + ": warning: " + message;
  }
}
