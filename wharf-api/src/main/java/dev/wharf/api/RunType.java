package dev.wharf.api;

/** How a run came to be: a quick build or run from a client, or a saved task's build or run. */
public enum RunType {
  QuickBuild,
  QuickRun,
  AutoBuild,
  AutoRun
}
