package dev.wharf.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A volume whose files come from the task itself: file name to base64 content.
 *
 * <p>{@code secret} is null when the key is absent (acb: "currently only support for source type
 * secret") and keeps the file order of the task file otherwise.
 */
public record Volume(String name, Map<String, String> secret, Position position) {

  public Volume {
    secret = secret == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(secret));
  }
}
