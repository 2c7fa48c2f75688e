package dev.wharf.engine.container;

import java.util.List;

/**
 * The containers, networks and volumes that carry one label.
 *
 * @param containerIds ids of the containers, running or not
 * @param networkNames names of the networks
 * @param volumeNames names of the volumes
 */
public record LabelledResources(
    List<String> containerIds, List<String> networkNames, List<String> volumeNames) {

  public LabelledResources {
    containerIds = List.copyOf(containerIds);
    networkNames = List.copyOf(networkNames);
    volumeNames = List.copyOf(volumeNames);
  }

  /** Whether nothing carries the label. */
  public boolean isEmpty() {
    return containerIds.isEmpty() && networkNames.isEmpty() && volumeNames.isEmpty();
  }
}
