package dev.wharf.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies read with their size limit enforced as the bytes arrive (docs/security.md#limits):
 * a declared {@code Content-Length} above the limit is refused before anything is read, and a body
 * sent without one (chunked) is cut off at the limit, so no request makes the server hold or store
 * more than its limit.
 */
final class RequestBodies {

  /** A JSON body of the API: tasks, runs, timers, patches. */
  static final int MAX_JSON_BYTES = 1024 * 1024;

  /** A JSON body of the agent protocol (a log batch is up to 512 Ki characters, escaped). */
  static final int MAX_AGENT_JSON_BYTES = 8 * 1024 * 1024;

  private RequestBodies() {}

  /** The body as UTF-8 text, at most {@code max} bytes, else {@code 413}. */
  static String text(Context ctx, int max, String what) {
    return new String(bytes(ctx, max, what), StandardCharsets.UTF_8);
  }

  /** The body, at most {@code max} bytes, else {@code 413}. */
  static byte[] bytes(Context ctx, int max, String what) {
    refuseDeclared(ctx, max, what);
    try (InputStream in = limited(ctx.bodyInputStream(), max, what)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (TooLarge e) {
      throw e.refusal();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /** A JSON body of the API, at most {@link #MAX_JSON_BYTES}. */
  static String json(Context ctx) {
    return text(ctx, MAX_JSON_BYTES, "a JSON request body");
  }

  /** Refuses a body whose declared length is above {@code max} before reading any of it. */
  static void refuseDeclared(Context ctx, long max, String what) {
    if (ctx.contentLength() > max) {
      throw TooLarge.of(what, max).refusal();
    }
  }

  /** {@code in}, failing with {@link TooLarge} once more than {@code max} bytes came through. */
  static InputStream limited(InputStream in, long max, String what) {
    return new FilterInputStream(in) {
      private long seen;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) throws TooLarge {
        seen += n;
        if (seen > max) {
          throw TooLarge.of(what, max);
        }
      }
    };
  }

  /** The cause chain's {@link TooLarge}, or null. */
  static TooLarge tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  /** A body that passed its limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private TooLarge(String message) {
      super(message);
    }

    static TooLarge of(String what, long max) {
      return new TooLarge(what + " is at most " + size(max) + " (docs/security.md#limits)");
    }

    ApiException refusal() {
      return new ApiException(413, getMessage());
    }
  }

  /** {@code 2 GiB}, {@code 1 MiB}, {@code 1536 KiB}, {@code 100 bytes}. */
  static String size(long bytes) {
    long[] units = {1L << 30, 1L << 20, 1L << 10};
    String[] names = {"GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= units[i] && bytes % units[i] == 0) {
        return bytes / units[i] + " " + names[i];
      }
    }
    return bytes + " bytes";
  }
}
