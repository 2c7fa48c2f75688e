package dev.wharf.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A task as decoded, changed in place by defaults and normalisation, then frozen into a Task. */
final class TaskDraft {
  String version = "";
  int stepTimeout;
  int totalTimeout;
  String workingDirectory = "";
  List<String> env = new ArrayList<>();
  List<Secret> secrets = new ArrayList<>();
  List<Network> networks = new ArrayList<>();
  List<Volume> volumes = new ArrayList<>();
  List<StepDraft> steps = new ArrayList<>();
  final Map<String, Position> positions = new HashMap<>();

  Position at(String property) {
    return positions.getOrDefault(property, Position.START);
  }

  Task freeze() {
    List<Step> frozen = new ArrayList<>();
    for (StepDraft step : steps) {
      frozen.add(step.freeze());
    }
    return new Task(
        version,
        stepTimeout,
        totalTimeout,
        workingDirectory,
        env,
        secrets,
        networks,
        volumes,
        frozen);
  }
}
