package dev.wharf.server.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's log as HTML lines: Wharf's own lines (those with a time stamp) apart from the steps'
 * output, a section start with an anchor at each step, successes and failures coloured. Offsets are
 * byte offsets in the stored log, so a page can ask for the lines before the first it shows.
 */
final class LogView {
  /** How many lines one page of the log holds. */
  static final int PAGE_LINES = 1000;

  private static final Pattern STAMP =
      Pattern.compile("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ");
  private static final Pattern STEP_START =
      Pattern.compile("Executing step ID: (\\S+?)\\. Timeout");
  private static final Pattern STEP_PREFIX = Pattern.compile("^\\[([A-Za-z0-9_.-]{1,100})\\] ");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

  private LogView() {}

  /** A stretch of the log: where it starts and ends, and its lines as HTML. */
  record Window(long start, long end, String html) {}

  /** The last {@code maxLines} lines of {@code log} that end at {@code end}. */
  static Window before(byte[] log, long end, int maxLines) {
    int stop = (int) Math.min(Math.max(end, 0), log.length);
    int start = stop;
    int lines = 0;
    while (start > 0 && lines < maxLines) {
      int previous = start - 1; // the line break that ends the line before
      int lineStart = previous;
      while (lineStart > 0 && log[lineStart - 1] != '\n') {
        lineStart--;
      }
      start = lineStart;
      lines++;
    }
    return new Window(start, stop, lines(log, start, stop, 0));
  }

  /**
   * The lines of {@code bytes[from, to)} as HTML; {@code to} is just after a line break, and {@code
   * bytes[0]} is at offset {@code base} of the log.
   */
  static String lines(byte[] bytes, int from, int to, long base) {
    Html html = new Html();
    int start = from;
    for (int i = start; i < to; i++) {
      if (bytes[i] == '\n') {
        line(html, base + start, new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return html.toString();
  }

  /** The step ids whose start the log shows, in order (the steps of a run still going). */
  static List<String> startedSteps(String log) {
    List<String> ids = new ArrayList<>();
    Matcher m = STEP_START.matcher(log);
    while (m.find()) {
      if (!ids.contains(m.group(1))) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /** One line as a {@code div}, with its offset and its kind as classes. */
  static void line(Html html, long offset, String raw) {
    String text = ANSI.matcher(raw).replaceAll("");
    html.raw("<div").attr("data-o", offset);
    if (STAMP.matcher(text).find()) {
      Matcher start = STEP_START.matcher(text);
      String kind = "l acb";
      if (start.find()) {
        html.attr("id", "log-" + start.group(1));
        kind += " section";
      } else if (text.contains(" marked as successful") || text.contains(" was successful after")) {
        kind += " ok";
      } else if (text.contains(" marked as failed")
          || text.contains(" failed after ")
          || text.contains(" marked as timed out")) {
        kind += " fail";
      }
      html.attr("class", kind)
          .raw("><span class=\"ts\">")
          .text(text.substring(0, 20))
          .raw("</span>")
          .text(text.substring(20))
          .raw("</div>");
      return;
    }
    Matcher prefix = STEP_PREFIX.matcher(text);
    if (prefix.find()) {
      html.attr("class", "l out")
          .raw("><span class=\"step\">")
          .text(prefix.group(0))
          .raw("</span>")
          .text(text.substring(prefix.end()))
          .raw("</div>");
      return;
    }
    html.attr("class", "l out").raw(">").text(text).raw("</div>");
  }
}
