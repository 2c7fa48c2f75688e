package dev.wharf.template;

/**
 * A template that failed to parse or execute, with Go's message ({@code template: NAME:LINE: …} or
 * {@code template: NAME:LINE:COL: executing "NAME" at <NODE>: …}).
 */
public class TemplateException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String templateName;
  private final int line;
  private final int column;

  /** An error at {@code line} (1-based) and {@code column} (Go's 0-based byte column, or -1). */
  public TemplateException(String message, String templateName, int line, int column) {
    super(message);
    this.templateName = templateName;
    this.line = line;
    this.column = column;
  }

  /** The name the template was parsed under. */
  public String getTemplateName() {
    return templateName;
  }

  /** The 1-based line of the error, or 0 when unknown. */
  public int getLine() {
    return line;
  }

  /** Go's column: the byte offset in the line (execution errors only), or -1 when absent. */
  public int getColumn() {
    return column;
  }
}
