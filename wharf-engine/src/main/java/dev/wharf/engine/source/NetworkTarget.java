package dev.wharf.engine.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses a context URL whose host is this machine or its private network, so that a server's
 * callers cannot make it fetch from services only the server can reach (unless the server allows
 * local contexts).
 */
final class NetworkTarget {
  private NetworkTarget() {}

  /** Throws when {@code url}'s host resolves to a loopback, private or link-local address. */
  static void check(URI url, SourceOptions options) throws SourceException {
    if (options.localContexts()) {
      return;
    }
    String host = url.getHost();
    if (host == null) {
      throw new SourceException(
          "the context URL " + ContextUrl.shown(url.toString()) + " names no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new SourceException("the context host " + host + " is unknown");
    }
    for (InetAddress address : addresses) {
      if (isLocal(address)) {
        throw new SourceException(
            "the context host "
                + host
                + " is a local or private address ("
                + address.getHostAddress()
                + "), which a server does not fetch from; start the server with"
                + " --allow-local-contexts to allow it");
      }
    }
  }

  static boolean isLocal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128); // 0/8, CGNAT 100.64/10
  }
}
