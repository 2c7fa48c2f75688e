package dev.wharf.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A step as decoded, changed in place by defaults and normalisation, then frozen into a Step. */
final class StepDraft {
  String id = "";
  String cmd = "";
  String build = "";
  List<String> push = new ArrayList<>();
  String workingDirectory = "";
  String entryPoint = "";
  String user = "";
  String network = "";
  String isolation = "";
  String cpus = "";
  String cache = "";
  List<VolumeMount> volumeMounts = new ArrayList<>();
  List<String> env = new ArrayList<>();
  List<String> expose = new ArrayList<>();
  List<String> ports = new ArrayList<>();
  List<String> when = new ArrayList<>();
  List<Integer> exitedWith = new ArrayList<>();
  List<Integer> exitedWithout = new ArrayList<>();
  int timeout;
  int startDelay;
  int retries;
  int retryDelay;
  List<String> retryOnErrors = new ArrayList<>();
  int repeat;
  int cmdDownloadRetries;
  int cmdDownloadRetryDelay;
  boolean keep;
  boolean detach;
  boolean privileged;
  boolean ignoreErrors;
  boolean disableWorkingDirectoryOverride;
  boolean pull;
  Position position = Position.START;
  final Map<String, Position> positions = new HashMap<>();

  Position at(String property) {
    return positions.getOrDefault(property, position);
  }

  Step freeze() {
    return new Step(
        id,
        cmd,
        build,
        push,
        workingDirectory,
        entryPoint,
        user,
        network,
        isolation,
        cpus,
        cache,
        volumeMounts,
        env,
        expose,
        ports,
        when,
        exitedWith,
        exitedWithout,
        timeout,
        startDelay,
        retries,
        retryDelay,
        retryOnErrors,
        repeat,
        cmdDownloadRetries,
        cmdDownloadRetryDelay,
        keep,
        detach,
        privileged,
        ignoreErrors,
        disableWorkingDirectoryOverride,
        pull,
        position,
        positions);
  }
}
