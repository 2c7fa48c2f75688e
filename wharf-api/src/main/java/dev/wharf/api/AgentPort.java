package dev.wharf.api;

import dev.wharf.api.AgentWire.Assignment;
import dev.wharf.api.AgentWire.Finish;
import dev.wharf.api.AgentWire.Heartbeat;
import dev.wharf.api.AgentWire.HeartbeatReply;
import dev.wharf.api.AgentWire.LogBatch;
import dev.wharf.api.AgentWire.Registered;
import dev.wharf.api.AgentWire.Registration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server as an agent sees it: the whole agent protocol. The server implements it (its embedded
 * agent calls it directly), and so does {@link HttpAgentPort} for remote agents; the agent itself
 * is the same either way.
 *
 * <p>Every method may throw {@link AgentProtocolException}: a refusal with a status, or (status 0)
 * a server that cannot be reached.
 */
public interface AgentPort {
  /** Registers an agent; refused (409) while another live process has the name. */
  Registered register(Registration registration);

  /** Claims one run for the agent, waiting up to {@code waitMillis} for one to be queued. */
  Optional<Assignment> claim(String agentId, long waitMillis);

  /** Renews the agent's leases and waits (up to the heartbeat's wait) for a cancel. */
  HeartbeatReply heartbeat(String agentId, Heartbeat heartbeat);

  /** Records that a claimed run started executing. */
  void running(String agentId, String runId);

  /** Stores a batch of a run's log lines (already masked); storing one twice is harmless. */
  void appendLog(String agentId, String runId, LogBatch batch);

  /** Ends a run; answers false when it had already ended (lost, or recorded before). */
  boolean finish(String agentId, String runId, Finish finish);

  /** A local file with the uploaded context {@code uploadId}; {@link #release} it after the run. */
  Path upload(String uploadId);

  /** Gives back a file {@link #upload} answered. */
  void release(Path upload);

  /** Records that the leftovers of {@code runIds} were removed. */
  void cleaned(String agentId, List<String> runIds);
}
