package dev.wharf.server.queue;

import dev.wharf.server.store.Run;
import dev.wharf.server.store.RunSpec;

/** A run an agent now owns, with the unsealed spec it executes. */
public record ClaimedRun(Run run, RunSpec spec) {}
