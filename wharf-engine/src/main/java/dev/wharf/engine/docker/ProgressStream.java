package dev.wharf.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the JSON progress messages of a build, push or pull: passes readable lines on, and keeps
 * the first error, the pushed digest and the built image id.
 *
 * <p>The engine ends a failed push with a normal end of stream, and the error is only in a progress
 * message (docs/behaviour.md#engine-api), so the messages themselves decide success.
 */
final class ProgressStream<T extends ResponseItem> extends ResultCallback.Adapter<T> {

  private final Consumer<String> lines;
  private final Set<String> seen = new HashSet<>();
  private volatile String error = "";
  private volatile String digest = "";
  private volatile String imageId = "";

  ProgressStream(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public void onNext(T item) {
    if (item.isErrorIndicated()) {
      String message = errorMessage(item);
      if (error.isEmpty()) {
        error = message;
      }
      lines.accept(message);
      return;
    }
    if (item.getStream() != null) {
      item.getStream().lines().forEach(lines);
    } else if (item.getStatus() != null) {
      String line =
          item.getId() == null ? item.getStatus() : item.getId() + ": " + item.getStatus();
      // Progress bars repeat one status many times a second; one line per status is enough.
      if (seen.add(line)) {
        lines.accept(line);
      }
    }
    if (item.getAux() != null && item.getAux().getDigest() != null) {
      digest = item.getAux().getDigest();
    }
    if (item instanceof BuildResponseItem built && built.getImageId() != null) {
      imageId = built.getImageId();
    }
  }

  // Older engines and Podman may send only the deprecated top-level "error" field.
  @SuppressWarnings("deprecation")
  private static String errorMessage(ResponseItem item) {
    if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
      return item.getErrorDetail().getMessage().strip();
    }
    return item.getError() == null ? "the engine reported an error" : item.getError().strip();
  }

  /** The first error message, or empty when none was reported. */
  String error() {
    return error;
  }

  /** The digest the registry reported for a push, or empty. */
  String digest() {
    return digest;
  }

  /** The id of the image a build produced, or empty. */
  String imageId() {
    return imageId;
  }
}
