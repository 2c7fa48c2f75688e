package dev.wharf.cli;

import dev.wharf.template.alias.AliasException;
import dev.wharf.template.alias.RemoteAliases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches alias {@code src} files given as {@code http(s)} URLs (docs/behaviour.md#aliases). */
final class HttpAliasSource implements RemoteAliases {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String fetch(String url) throws AliasException {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() > 299) {
        throw new AliasException(response.body());
      }
      return response.body();
    } catch (IOException | IllegalArgumentException e) {
      throw new AliasException("failed to fetch alias source " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AliasException("interrupted while fetching alias source " + url);
    }
  }
}
