package dev.wharf.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's BuildKit cache records, for tests that leave none of theirs behind: BuildKit names a
 * cache mount by the command that used it, so a marker in the command finds it.
 */
public final class BuildCacheRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BuildCacheRecords() {}

  /** The ids of the records whose description contains {@code marker}. */
  public static List<String> find(String address, String marker) throws IOException {
    JsonNode df = diskUsage(address);
    List<String> ids = new ArrayList<>();
    for (JsonNode record : df.path("BuildCache")) {
      if (record.path("Description").asText("").contains(marker)) {
        ids.add(record.path("ID").asText());
      }
    }
    return ids;
  }

  /**
   * The engine's {@code /system/df}. The engine answers one such request at a time and refuses the
   * others ("a disk usage operation is already running"), which happens when the integration tests'
   * two JVMs ask at once, so a refused request is asked again.
   */
  private static JsonNode diskUsage(String address) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call(address, "GET", "/system/df");
      } catch (IOException e) {
        if (attempt == 50 || !String.valueOf(e.getMessage()).contains("already running")) {
          throw e;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the engine's disk usage", e);
        }
      }
    }
  }

  /** What {@code docker history --no-trunc} shows of an image: each layer's command and comment. */
  public static String history(String address, String image) throws IOException {
    StringBuilder text = new StringBuilder();
    for (JsonNode layer :
        call(
            address,
            "GET",
            "/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "/history")) {
      text.append(layer.path("CreatedBy").asText("")).append('\n');
      text.append(layer.path("Comment").asText("")).append('\n');
    }
    return text.toString();
  }

  /** Removes the records whose description contains {@code marker}. */
  public static void prune(String address, String marker) throws IOException {
    for (String id : find(address, marker)) {
      String filters = JSON.writeValueAsString(Map.of("id", List.of(id)));
      call(
          address,
          "POST",
          "/build/prune?all=1&filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
    }
  }

  private static JsonNode call(String address, String method, String path) throws IOException {
    try (EngineSocket socket = EngineSocket.open(address)) {
      socket.sendHead(method, "/v1.41" + path, Map.of("Connection", "close"));
      EngineSocket.Response head = socket.readHead();
      try (InputStream body = socket.body(head)) {
        JsonNode answer = JSON.readTree(body);
        if (head.status() != 200) {
          throw new IOException(method + " " + path + ": " + answer);
        }
        return answer;
      }
    }
  }
}
