package dev.wharf.task;

import java.util.List;

/**
 * A multi-step task after decoding, defaults and validation.
 *
 * <p>{@code totalTimeout} is the whole-run deadline in seconds, 0 for none (acb ignores the key;
 * Wharf implements it).
 */
public record Task(
    String version,
    int stepTimeout,
    int totalTimeout,
    String workingDirectory,
    List<String> env,
    List<Secret> secrets,
    List<Network> networks,
    List<Volume> volumes,
    List<Step> steps) {

  public Task {
    env = List.copyOf(env);
    secrets = List.copyOf(secrets);
    networks = List.copyOf(networks);
    volumes = List.copyOf(volumes);
    steps = List.copyOf(steps);
  }
}
