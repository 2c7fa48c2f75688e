package dev.wharf.server.ui;

import dev.wharf.api.Run;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times, durations and status badges. */
final class Formats {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Formats() {}

  /** A {@code <time>} element in UTC, or a dash. */
  static void time(Html html, Instant instant) {
    if (instant == null) {
      html.raw("<span class=\"none\">–</span>");
      return;
    }
    html.raw("<time")
        .attr("datetime", instant.toString())
        .raw(">")
        .text(TIME.format(instant))
        .raw("</time>");
  }

  /** How long a run took, or has been going; empty before it started. */
  static String duration(Run run, Instant now) {
    if (run.startTime() == null) {
      return "";
    }
    Instant end = run.finishTime() != null ? run.finishTime() : now;
    // seconds rounded as the run log's "after Ns" rounds them
    Duration d =
        Duration.ofSeconds(
            Math.max(0, Math.round(Duration.between(run.startTime(), end).toMillis() / 1000.0)));
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  /** A status badge: colour and a word, so that colour is never the only signal. */
  static void badge(Html html, Object status) {
    String text = String.valueOf(status);
    html.raw("<span")
        .attr("class", "badge " + StepGraphView.statusClass(text))
        .raw(">")
        .text(text)
        .raw("</span>");
  }
}
