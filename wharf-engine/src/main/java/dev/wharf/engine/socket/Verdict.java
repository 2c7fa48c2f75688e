package dev.wharf.engine.socket;

import io.netty.handler.codec.http.HttpResponse;
import java.util.function.Consumer;

/**
 * How the socket forwards an allowed request: the URI to send, the body to send instead of the
 * step's (null: the step's, unchanged) and what to learn from the engine's answer.
 *
 * @param uri the request URI for the engine
 * @param body the rewritten JSON body, or null to send the step's own
 * @param answer reads the engine's (small, JSON) answer, e.g. the id of a created container; null
 *     when the answer is just relayed
 */
// The rewritten body is written to the engine once; a verdict is never compared or hashed.
@SuppressWarnings("ArrayRecordComponent")
record Verdict(String uri, byte[] body, Consumer<byte[]> answer) {

  static Verdict forward(ApiCall call) {
    return new Verdict(call.uri(), null, null);
  }

  static Verdict forward(ApiCall call, byte[] body) {
    return new Verdict(call.uri(), body, null);
  }

  Verdict learning(Consumer<byte[]> reader) {
    return new Verdict(uri, body, reader);
  }

  /** Whether the answer is read whole before it is relayed. */
  boolean reads(HttpResponse response) {
    return answer != null && response.status().code() < 300;
  }
}
