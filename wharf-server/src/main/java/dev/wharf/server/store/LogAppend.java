package dev.wharf.server.store;

/** What became of a numbered batch of log lines an agent sent. */
public enum LogAppend {
  /** Stored now. */
  APPENDED,
  /** Stored before (the agent sent it again after a lost answer); nothing was stored twice. */
  DUPLICATE,
  /** A batch before it is missing; the agent must send from that one. */
  GAP,
  /** The run is no longer this agent's (it ended, or its lease expired). */
  NOT_YOURS
}
