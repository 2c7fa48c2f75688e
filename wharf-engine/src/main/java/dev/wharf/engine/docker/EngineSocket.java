package dev.wharf.engine.docker;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One plain HTTP/1.1 exchange with the engine over a connection of its own, for the two calls
 * docker-java does not make: a BuildKit build ({@code POST /build?version=2}) and the BuildKit
 * session ({@code POST /session}, which the engine takes over as an HTTP/2 connection). Engines on
 * {@code unix://} and plain {@code tcp://} addresses are reached; TLS is not offered.
 */
final class EngineSocket implements AutoCloseable {

  private final SocketChannel channel;
  private final boolean unix;
  private final InputStream in;
  private final OutputStream out;

  // Reads and writes take turns (a request, then its answer): the streams of one blocking channel
  // share a lock, so they cannot be used at the same time.
  private EngineSocket(SocketChannel channel, boolean unix) {
    this.channel = channel;
    this.unix = unix;
    this.in = Channels.newInputStream(channel);
    this.out = Channels.newOutputStream(channel);
  }

  /** Connects to the engine at {@code address} ({@code unix:///…} or {@code tcp://host:port}). */
  static EngineSocket open(String address) throws IOException {
    URI uri = URI.create(address);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean unix = scheme.equals("unix");
    SocketAddress target;
    if (unix) {
      target = UnixDomainSocketAddress.of(uri.getPath());
    } else if (scheme.equals("tcp") || scheme.equals("http")) {
      if ("1".equals(System.getenv("DOCKER_TLS_VERIFY"))) {
        throw new IOException("BuildKit builds do not reach engines over TLS yet");
      }
      target = new InetSocketAddress(uri.getHost(), uri.getPort());
    } else {
      throw new IOException("BuildKit builds cannot reach an engine at " + address);
    }
    SocketChannel channel =
        SocketChannel.open(unix ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
    try {
      channel.connect(target);
      return new EngineSocket(channel, unix);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The connection itself, for handing it over once the engine has taken it over. */
  SocketChannel channel() {
    return channel;
  }

  /** Whether the engine is reached over a Unix domain socket. */
  boolean unix() {
    return unix;
  }

  /** Sends a request's head; a body, if any, follows with {@link #sendChunked}. */
  void sendHead(String method, String path, Map<String, String> headers) throws IOException {
    sendHead(method, path, List.copyOf(headers.entrySet()));
  }

  /** Sends a request's head whose headers may repeat a name. */
  void sendHead(String method, String path, List<Map.Entry<String, String>> headers)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: docker\r\n");
    headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends {@code body} with chunked transfer encoding (the request head must say so). */
  void sendChunked(InputStream body) throws IOException {
    OutputStream buffered = new BufferedOutputStream(out, 65536 + 16);
    byte[] buf = new byte[65536];
    for (int n; (n = body.read(buf)) > 0; ) {
      buffered.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      buffered.write(buf, 0, n);
      buffered.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    buffered.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    buffered.flush();
  }

  /**
   * Reads the response's status line and headers (names in lower case), byte by byte so that
   * nothing after them is consumed.
   */
  Response readHead() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("the engine answered with " + status);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    return new Response(Integer.parseInt(parts[1]), headers);
  }

  /** The response body after {@link #readHead}, de-chunked when the engine chunked it. */
  InputStream body(Response head) {
    return "chunked".equalsIgnoreCase(head.headers().getOrDefault("transfer-encoding", ""))
        ? new Chunked(in)
        : in;
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the engine closed the connection");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** A response's status code and headers. */
  record Response(int status, Map<String, String> headers) {}

  /** A chunked body's data. */
  private static final class Chunked extends FilterInputStream {
    private long left;
    private boolean ended;

    Chunked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (left == 0) {
        String size = sizeLine();
        int semicolon = size.indexOf(';');
        left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        if (left == 0) {
          ended = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the engine ended a chunk early");
      }
      left -= n;
      if (left == 0) {
        in.read();
        in.read();
      }
      return n;
    }

    private String sizeLine() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("the engine closed the connection");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }
  }
}
