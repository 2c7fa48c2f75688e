package dev.wharf.server.queue;

import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;

/** A run an agent now owns, with the unsealed spec it executes. */
public record ClaimedRun(Run run, RunSpec spec) {}
