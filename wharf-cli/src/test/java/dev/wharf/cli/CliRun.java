package dev.wharf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One {@code wharf} command line run in-process, as the run integration tests drive it: its exit
 * status and both streams.
 *
 * @param exit the exit status
 * @param out standard output (container output, or the JSON events with {@code -o json})
 * @param err standard error (acb's log lines)
 */
record CliRun(int exit, String out, String err) {

  /**
   * Every run id of this test JVM starts with this, so its leftovers can be found; its own, because
   * the integration tests run in two JVMs at once and each checks that its own runs left nothing.
   */
  static final String ID_PREFIX = "runit" + UUID.randomUUID().toString().substring(0, 4) + "-";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A fresh run id carrying {@link #ID_PREFIX}. */
  static String newId() {
    return ID_PREFIX + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Runs {@code wharf args} with relative paths resolved against {@code dir}. */
  static CliRun of(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err), dir);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /**
   * Writes {@code task} to {@code dir/acb.yaml} and runs {@code wharf run -f acb.yaml --id <new id>
   * [extra] dir}.
   */
  static CliRun task(Path dir, String task, String... extra) {
    try {
      Files.writeString(dir.resolve("acb.yaml"), task);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return taskInPlace(dir, extra);
  }

  /** Runs {@code wharf run -f acb.yaml --id <new id> [extra] dir} on the task already there. */
  static CliRun taskInPlace(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "-f", "acb.yaml", "--id", newId()));
    args.addAll(List.of(extra));
    args.add(dir.toString());
    return of(dir, args.toArray(String[]::new));
  }

  /** The JSON events of a {@code -o json} run, in order. */
  List<JsonNode> events() {
    List<JsonNode> events = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        try {
          events.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("not a JSON event: " + line, e);
        }
      }
    }
    return events;
  }

  /** The index of the first event of {@code type} about {@code step}; -1 when there is none. */
  int eventIndex(String type, String step) {
    List<JsonNode> events = events();
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      if (e.path("event").asText().equals(type) && e.path("step").asText().equals(step)) {
        return i;
      }
    }
    return -1;
  }

  /** Everything {@code step}'s container wrote, from the {@code stepLog} events. */
  String logOf(String step) {
    StringBuilder log = new StringBuilder();
    for (JsonNode e : events()) {
      if (e.path("event").asText().equals("stepLog") && e.path("step").asText().equals(step)) {
        log.append(e.path("text").asText());
      }
    }
    return log.toString();
  }

  /** The final result of {@code step} in the {@code runFinished} event. */
  JsonNode stepResult(String step) {
    for (JsonNode e : events()) {
      if (e.path("event").asText().equals("runFinished")) {
        for (JsonNode s : e.path("steps")) {
          if (s.path("step").asText().equals(step)) {
            return s;
          }
        }
      }
    }
    throw new AssertionError("no result for step " + step + " in " + out);
  }

  /** Both streams, for messages of failed assertions. */
  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
