package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tar archive of in-memory files, for {@link ContainerEngine#uploadToVolume} and {@link
 * ContainerEngine#uploadArchive}: each file's bytes go in exactly as given.
 */
public final class Archive {

  private static final int BLOCK = 512;
  private static final int MAX_NAME = 100;

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, Integer> modes = new LinkedHashMap<>();

  /** Adds a regular file; {@code mode} is its permission bits, e.g. {@code 0400}. */
  public Archive file(String name, byte[] content, int mode) {
    requireNonNull(name, "name cannot be null");
    requireNonNull(content, "content cannot be null");
    byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
    if (encoded.length == 0 || encoded.length > MAX_NAME || name.startsWith("/")) {
      throw new IllegalArgumentException(
          "An archive entry needs a relative name of 1 to 100 bytes, not '" + name + "'");
    }
    files.put(name, content.clone());
    modes.put(name, mode);
    return this;
  }

  /** The archive as a stream, files in the order added. */
  public InputStream stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.forEach(
        (name, content) -> {
          out.writeBytes(header(name, content.length, modes.get(name)));
          out.writeBytes(content);
          out.writeBytes(new byte[padding(content.length)]);
        });
    out.writeBytes(new byte[2 * BLOCK]);
    return new ByteArrayInputStream(out.toByteArray());
  }

  private static int padding(int size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  // A POSIX ustar header: fixed-width ASCII octal fields, checksum over the header with the
  // checksum field read as spaces.
  private static byte[] header(String name, long size, int mode) {
    byte[] h = new byte[BLOCK];
    put(h, 0, name.getBytes(StandardCharsets.UTF_8));
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    put(h, 148, "        ".getBytes(StandardCharsets.US_ASCII));
    h[156] = '0';
    put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  private static void octal(byte[] h, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    put(h, offset, padded.getBytes(StandardCharsets.US_ASCII));
    h[offset + width - 1] = 0;
  }

  private static void put(byte[] h, int offset, byte[] bytes) {
    System.arraycopy(bytes, 0, h, offset, bytes.length);
  }
}
