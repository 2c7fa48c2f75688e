package dev.wharf.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineUnreachableException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java's exceptions into {@link EngineException}s that say what we tried. */
final class DockerErrors {

  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: ");

  private DockerErrors() {}

  /** The exception for a failed {@code action} (e.g. "remove network x"). */
  static EngineException failure(String action, RuntimeException e) {
    if (e instanceof DockerException docker) {
      return new EngineException(action, reason(docker.getMessage()), e);
    }
    IOException io = ioCause(e);
    if (io != null) {
      return new EngineUnreachableException(
          action, "the Docker engine did not answer (" + describe(io) + ")", e);
    }
    return new EngineException(action, describe(e), e);
  }

  /** The engine's own message from a body such as {@code Status 404: {"message":"…"}}. */
  static String reason(String message) {
    if (message == null || message.isBlank()) {
      return "the engine gave no reason";
    }
    Matcher m = JSON_MESSAGE.matcher(message);
    if (m.find()) {
      return m.group(1).replace("\\\"", "\"").replace("\\n", " ").strip();
    }
    return STATUS_PREFIX.matcher(message.strip()).replaceFirst("");
  }

  static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }

  /** An engine call that returns a value. */
  interface Call<T> {
    T run();
  }

  /** Runs {@code call}, translating docker-java's exceptions for {@code action}. */
  static <T> T call(String action, Call<T> call) throws EngineException {
    try {
      return call.run();
    } catch (RuntimeException e) {
      throw failure(action, e);
    }
  }

  /** Runs {@code call}, translating docker-java's exceptions for {@code action}. */
  static void run(String action, Runnable call) throws EngineException {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw failure(action, e);
    }
  }

  /** Runs a removal, treating "already gone" as success. */
  static void ignoreMissing(Runnable removal) {
    try {
      removal.run();
    } catch (NotFoundException alreadyGone) {
      // Removal is idempotent: cleanup after a crash may meet half-removed runs.
    }
  }

  /** Stops reading a stream whose outcome no longer matters. */
  static void abandon(ResultCallback<?> callback) {
    try {
      callback.close();
    } catch (IOException ignored) {
      // Nothing more will be read from it.
    }
  }
}
