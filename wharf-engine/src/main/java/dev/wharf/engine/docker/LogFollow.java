package dev.wharf.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.wharf.engine.container.ContainerOutput;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.OutputFollow;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Delivers a container's log frames to a {@link ContainerOutput} as they arrive. */
final class LogFollow extends ResultCallback.Adapter<Frame> implements OutputFollow {

  private final String containerId;
  private final ContainerOutput output;
  private volatile Throwable failure;
  private volatile boolean closed;

  LogFollow(String containerId, ContainerOutput output) {
    this.containerId = containerId;
    this.output = output;
  }

  @Override
  public void onNext(Frame frame) {
    ContainerOutput.Stream stream =
        frame.getStreamType() == StreamType.STDERR
            ? ContainerOutput.Stream.STDERR
            : ContainerOutput.Stream.STDOUT;
    output.accept(stream, frame.getPayload());
  }

  @Override
  public void onError(Throwable throwable) {
    // Closing on purpose makes the transport throw; that is not a failure of the container.
    if (!closed) {
      failure = throwable;
    }
    super.onError(throwable);
  }

  @Override
  public boolean awaitEnd(Duration timeout) throws EngineException, InterruptedException {
    boolean ended = awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Throwable t = failure;
    if (t != null) {
      throw new EngineException(
          "follow the output of container " + containerId, DockerErrors.describe(t), t);
    }
    return ended;
  }

  @Override
  public void close() {
    closed = true;
    try {
      super.close();
    } catch (IOException ignored) {
      // The stream is being abandoned; there is nothing left to flush.
    }
  }
}
