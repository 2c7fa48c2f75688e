package dev.wharf.template.render;

/** A task that cannot be rendered: acb's message text plus the file, line and column if known. */
public final class RenderException extends Exception {

  private final String file;
  private final int line;
  private final int column;

  public RenderException(String message) {
    this(message, null, 0, 0, null);
  }

  public RenderException(String message, String file, int line, int column, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file the error is in, or null when unknown. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }
}
