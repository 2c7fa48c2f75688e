package dev.wharf.engine.prepare;

import dev.wharf.task.Plan;
import dev.wharf.task.Volume;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The decoded contents of a task's secret volumes, which a run masks like any secret
 * (docs/behaviour.md#masking).
 */
final class SecretVolumes {

  private SecretVolumes() {}

  static List<String> contents(Plan plan) {
    List<String> values = new ArrayList<>();
    for (Volume volume : plan.task().volumes()) {
      for (String encoded : volume.secret().values()) {
        try {
          String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
          values.add(text.strip());
        } catch (IllegalArgumentException e) {
          // The run reports the bad value; there is nothing to mask.
        }
      }
    }
    return values;
  }
}
