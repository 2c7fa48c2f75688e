package dev.wharf.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.wharf.engine.container.ContainerOutput;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.OutputFollow;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A container's attached output, delivered frame by frame to a {@link ContainerOutput} on the
 * transport's thread: the next frame is read only once the last one was delivered, so a slow
 * receiver holds the container back instead of growing a buffer.
 */
final class OutputAttachment extends ResultCallback.Adapter<Frame> implements OutputFollow {

  private final String containerId;
  private final ContainerOutput output;
  private final CountDownLatch answered = new CountDownLatch(1);
  private volatile Throwable failure;
  private volatile boolean closed;

  OutputAttachment(String containerId, ContainerOutput output) {
    this.containerId = containerId;
    this.output = output;
  }

  @Override
  public void onStart(Closeable stream) {
    super.onStart(stream);
    answered.countDown();
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
    answered.countDown();
    super.onError(throwable);
  }

  /**
   * Waits until the engine answered the attach request; the engine holds the attachment before it
   * answers, so output written after this returns is not missed.
   */
  void awaitAttached(Duration timeout) throws EngineException, InterruptedException {
    boolean inTime = answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Throwable t = failure;
    if (t != null || !inTime) {
      close();
      String action = "attach to the output of container " + containerId;
      if (t instanceof RuntimeException e) {
        throw DockerErrors.failure(action, e);
      }
      if (t != null) {
        throw new EngineException(action, DockerErrors.describe(t), t);
      }
      throw new EngineException(
          action, "the engine did not answer within " + timeout.toSeconds() + " s");
    }
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
