package dev.wharf.api;

/** The body of {@code POST /api/v1/runs}: a quick run or build of {@code spec}. */
public record QuickRunRequest(RunType type, RunSpec spec) {}
