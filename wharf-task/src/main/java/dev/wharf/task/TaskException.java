package dev.wharf.task;

import java.util.Objects;

/**
 * A task file that cannot be run: its message contains acb's own text (scripts grep for it) and
 * adds the file, line and column, and a hint.
 */
public final class TaskException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final Position position;
  private final String reason;
  private final String hint;

  public TaskException(String file, Position position, String reason, String hint) {
    super(format(file, position, reason, hint));
    this.file = Objects.requireNonNull(file, "file cannot be null");
    this.position = position;
    this.reason = Objects.requireNonNull(reason, "reason cannot be null");
    this.hint = hint;
  }

  private static String format(String file, Position position, String reason, String hint) {
    String where = position == null ? file : file + ":" + position;
    return where + ": " + reason + (hint == null ? "" : "\n  hint: " + hint);
  }

  /** The task file's name as given to the loader. */
  public String file() {
    return file;
  }

  /** Where the problem is, or null when it concerns the whole file. */
  public Position position() {
    return position;
  }

  /** The message without place and hint; for acb's errors, acb's exact text. */
  public String reason() {
    return reason;
  }

  /** What the user can do about it, or null. */
  public String hint() {
    return hint;
  }
}
