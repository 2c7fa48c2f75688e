package dev.wharf.task;

/** A step's use of a task volume at a path inside its container. */
public record VolumeMount(String name, String mountPath, Position position) {}
