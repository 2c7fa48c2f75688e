package dev.wharf.template;

/** An execution failure with Go's message and the line and column of the failing node. */
final class ExecError extends RuntimeException {

  final int line;
  final int column;

  private ExecError(String message, int line, int column) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }

  /**
   * Go's {@code template: FILE:LINE:COL: executing "NAME" at <NODE>: MESSAGE}, where COL is the
   * byte offset of the node in its line (Go's ErrorContext).
   */
  static ExecError at(String text, String parseName, String tmplName, Node node, String message) {
    int pos = node == null ? 0 : Math.min(node.pos(), text.length());
    String before = text.substring(0, pos);
    int nl = before.lastIndexOf('\n');
    int column = nl < 0 ? pos : pos - (nl + 1);
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    String where = parseName + ":" + line + ":" + column;
    return new ExecError(
        String.format(
            "template: %s: executing %s at <%s>: %s",
            where, GoFormat.quote(tmplName), node, message),
        line,
        column);
  }
}
