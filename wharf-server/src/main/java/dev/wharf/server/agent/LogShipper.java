package dev.wharf.server.agent;

import dev.wharf.api.AgentPort;
import dev.wharf.api.AgentProtocolException;
import dev.wharf.api.AgentWire.LogBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one run's log to the server in numbered batches, in order, from a bounded buffer: when the
 * server is slow or away the run's log writer waits (back-pressure) rather than lines being
 * dropped, and a batch is sent again until the server has it (it stores a batch once, whatever the
 * number of tries).
 */
final class LogShipper implements LogSink {
  private static final Logger LOG = LoggerFactory.getLogger(LogShipper.class);
  private static final int BUFFER_LINES = 10_000;
  private static final int BATCH_LINES = 1_000;
  private static final int BATCH_CHARS = 512 * 1024;
  private static final long LINGER_MILLIS = 20;

  private final AgentPort port;
  private final String agentId;
  private final String runId;
  private final Retry retry;
  private final BlockingQueue<String> buffer = new ArrayBlockingQueue<>(BUFFER_LINES);
  private final Thread sender;
  private volatile boolean closing;
  private volatile boolean gone;
  private long seq;
  private long offset;

  LogShipper(AgentPort port, String agentId, String runId, Retry retry) {
    this.port = port;
    this.agentId = agentId;
    this.runId = runId;
    this.retry = retry;
    this.sender = new Thread(this::send, "wharf-log-" + runId);
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void line(String text) {
    if (gone) {
      return;
    }
    String line =
        text.length() > AgentService.MAX_LINE_CHARS
            ? text.substring(0, AgentService.MAX_LINE_CHARS)
            : text;
    try {
      buffer.put(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the server said the run is no longer this agent's. */
  boolean gone() {
    return gone;
  }

  /** Sends what is buffered, stops, and answers the number of the last batch sent. */
  long close() throws InterruptedException {
    closing = true;
    sender.join();
    return seq;
  }

  private void send() {
    List<String> batch = new ArrayList<>();
    try {
      while (!gone) {
        String first = buffer.poll(LINGER_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing && buffer.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        int chars = first.length();
        String next;
        while (batch.size() < BATCH_LINES
            && chars < BATCH_CHARS
            && (next = buffer.poll()) != null) {
          batch.add(next);
          chars += next.length();
        }
        LogBatch numbered = new LogBatch(seq + 1, offset, batch);
        try {
          retry.call("ship the log of " + runId, () -> port.appendLog(agentId, runId, numbered));
          seq++;
          offset += numbered.bytes();
        } catch (AgentProtocolException e) {
          LOG.warn("the log of {} cannot be shipped any more: {}", runId, e.getMessage());
          gone = true;
        }
        batch = new ArrayList<>();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      buffer.clear();
    }
  }
}
