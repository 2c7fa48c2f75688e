package dev.wharf.engine.output;

/** Where a chunk of UTF-8 bytes may be cut without splitting a character. */
public final class Utf8Boundary {

  private Utf8Boundary() {}

  /** The length of the longest prefix of {@code bytes} that ends on a character boundary. */
  public static int completeLength(byte[] bytes) {
    int n = bytes.length;
    for (int back = 1; back <= Math.min(3, n); back++) {
      int b = bytes[n - back] & 0xff;
      if ((b & 0xc0) == 0x80) {
        continue; // a continuation byte: look further back for the lead byte
      }
      int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return needed > back ? n - back : n;
    }
    return n;
  }
}
