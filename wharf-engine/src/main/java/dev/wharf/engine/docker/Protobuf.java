package dev.wharf.engine.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few pieces of the protobuf wire format BuildKit's messages need: a reader of fields (varints,
 * length-delimited bytes, nested messages; everything else skipped) and a writer of varint and
 * bytes fields. BuildKit's trace and session messages use nothing else.
 */
final class Protobuf {
  private Protobuf() {}

  /** Reads the fields of one message in order. */
  static final class Reader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private int field;
    private int wireType;

    Reader(byte[] buf) {
      this(buf, 0, buf.length);
    }

    private Reader(byte[] buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
      if (pos >= end) {
        return false;
      }
      long tag = varint();
      field = (int) (tag >>> 3);
      wireType = (int) (tag & 7);
      return true;
    }

    int field() {
      return field;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = byteAt(pos++);
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    byte[] bytes() {
      int length = length();
      byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + length);
      pos += length;
      return out;
    }

    String string() {
      int length = length();
      String out = new String(buf, pos, length, StandardCharsets.UTF_8);
      pos += length;
      return out;
    }

    Reader message() {
      int length = length();
      Reader nested = new Reader(buf, pos, pos + length);
      pos += length;
      return nested;
    }

    /** Skips the current field's value. */
    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          // length() moves past the length's own bytes first.
          int length = length();
          pos += length;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
      }
      if (pos > end) {
        throw new IllegalArgumentException("truncated message");
      }
    }

    private int length() {
      long length = varint();
      if (length < 0 || length > end - pos) {
        throw new IllegalArgumentException("truncated message");
      }
      return (int) length;
    }

    private byte byteAt(int index) {
      if (index >= end) {
        throw new IllegalArgumentException("truncated message");
      }
      return buf[index];
    }
  }

  /** Writes fields of one message. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer varint(int field, long value) {
      tag(field, 0);
      raw(value);
      return this;
    }

    Writer bytes(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    Writer string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
      long v = value;
      while ((v & ~0x7fL) != 0) {
        out.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
