package dev.wharf.engine.source;

import dev.wharf.engine.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tar archive (plain or compressed) downloaded over HTTP(S), retried on transport errors and 5xx
 * answers, extracted safely into a temporary folder and packed from there.
 */
final class TarballSource implements SourceContext {

  private static final Logger LOG = LoggerFactory.getLogger(TarballSource.class);
  private static final int ATTEMPTS = 3;
  private static final int MAX_REDIRECTS = 5;

  private final URI url;
  private final String authorization;
  private final SourceOptions options;
  private final Duration backoff;

  TarballSource(String location, SourceOptions options, Duration backoff) throws SourceException {
    URI parsed;
    try {
      parsed = new URI(location);
    } catch (URISyntaxException e) {
      throw new SourceException("invalid context URL " + location + ": " + e.getReason());
    }
    String userInfo = parsed.getRawUserInfo();
    this.authorization =
        userInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        URLDecoder.decode(userInfo, StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.UTF_8));
    this.url = withoutUserInfo(parsed);
    this.options = options;
    this.backoff = backoff;
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    String text = uri.toString();
    return URI.create(uri.getScheme() + "://" + text.substring(text.indexOf('@') + 1));
  }

  @Override
  public SourceInfo writeTo(OutputStream tar) throws IOException {
    LOG.info("Getting context from URL {}", ContextUrl.shown(url.toString()));
    Path folder = TempFiles.folder("wharf-url-");
    try {
      downloadWithRetries(folder);
      ContextPacker.everything().pack(folder, tar);
      return new SourceInfo(options.commit(), options.branch(), ContextUrl.shown(url.toString()));
    } finally {
      TempFolders.delete(folder);
    }
  }

  private void downloadWithRetries(Path folder) throws IOException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(options.timeout())
            // redirects are followed here, so that each target's host is checked too
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        download(client, folder, attempt == ATTEMPTS);
        return;
      } catch (Retryable e) {
        LOG.warn(
            "attempt {} to get {} failed: {}",
            attempt,
            ContextUrl.shown(url.toString()),
            e.getMessage());
        TempFolders.delete(folder);
        Files.createDirectories(folder);
        sleep(backoff.multipliedBy(1L << (attempt - 1)));
      }
    }
  }

  private void download(HttpClient client, Path folder, boolean last) throws IOException {
    URI target = url;
    HttpResponse<InputStream> response = null;
    for (int hop = 0; response == null; hop++) {
      NetworkTarget.check(target, options);
      HttpResponse<InputStream> answer =
          send(client, target, java.util.Objects.equals(target.getHost(), url.getHost()), last);
      int code = answer.statusCode();
      Optional<String> location = answer.headers().firstValue("Location");
      if (code >= 300 && code < 400 && location.isPresent()) {
        answer.body().close();
        if (hop == MAX_REDIRECTS) {
          throw new SourceException(
              "failed to GET " + shown() + ": more than " + MAX_REDIRECTS + " redirects");
        }
        target = target.resolve(location.get());
      } else {
        response = answer;
      }
    }
    int status = response.statusCode();
    try (InputStream body = response.body()) {
      if (status >= 400) {
        // the remote's answer is not repeated: it may echo the request's credentials
        String message = "failed to GET " + shown() + " with status " + status;
        if (status >= 500 && !last) {
          throw new Retryable(message);
        }
        throw new SourceException(message);
      }
      LOG.info("Read context with status code {}", status);
      extract(body, folder, last);
    }
  }

  private HttpResponse<InputStream> send(
      HttpClient client, URI target, boolean sameHost, boolean last) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(target).GET().timeout(options.timeout());
    if (authorization != null && sameHost) {
      request.header("Authorization", authorization);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      if (last) {
        throw new SourceException("failed to GET " + shown() + ": " + e.getClass().getSimpleName());
      }
      throw new Retryable(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while getting " + shown());
    }
  }

  /** The URL as messages show it: no user-info, no query string. */
  private String shown() {
    return ContextUrl.shown(url.toString());
  }

  /**
   * Extracts the body; a broken or truncated stream is worth another attempt, while a refused
   * archive ({@link SourceException}) is final.
   */
  private void extract(InputStream body, Path folder, boolean last) throws IOException {
    try {
      TarExtractor.extract(body, folder, options.limits());
    } catch (SourceException e) {
      throw e;
    } catch (IOException e) {
      if (last) {
        throw new SourceException("failed to untar context", e);
      }
      throw new Retryable("failed to untar context: " + e.getMessage());
    }
  }

  private static void sleep(Duration duration) throws SourceException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while waiting to retry");
    }
  }

  /** A failure worth another attempt: a transport error or a 5xx answer. */
  private static final class Retryable extends IOException {
    private static final long serialVersionUID = 1L;

    Retryable(String message) {
      super(message);
    }
  }
}
