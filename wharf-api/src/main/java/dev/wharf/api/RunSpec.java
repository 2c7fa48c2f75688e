package dev.wharf.api;

import java.util.List;
import java.util.Map;

/**
 * What a run executes: inline task text or a task file in the context, with values, secrets and
 * registry logins.
 *
 * @param context where the sources come from (git or tarball URL, {@code /dev/null}), or null when
 *     an uploaded archive is the context
 * @param upload id of an uploaded tar.gz context, or null
 * @param file task file inside the context (default {@code acb.yaml}) when {@code taskText} is null
 * @param taskText inline task YAML (what {@code --cmd} and {@code /dev/null} contexts send)
 * @param timeoutSeconds whole-run timeout, 0 for the server default (the task's {@code
 *     totalTimeout} applies as well: the earlier ends the run)
 * @param registry the run's {@code .Run.Registry} ({@code -r}), or null for the server's
 * @param valuesFile a values file in the context ({@code --values}, relative to the context as ACR
 *     reads it), or null
 * @param gitAccessToken the token for a private git context (its task's), empty when none
 * @param build for a run of a Dockerfile task, what it tags, passes and pushes ({@code file} is the
 *     Dockerfile); null for a run of task text or a task file
 * @param trusted whether the run executes a trusted task's own instructions (or an admin's
 *     overrides of them); only such runs may get the whole engine (docs/security.md)
 */
public record RunSpec(
    String context,
    String upload,
    String file,
    String taskText,
    Map<String, String> values,
    Map<String, String> secretValues,
    List<RegistryCredential> credentials,
    String platform,
    int timeoutSeconds,
    String registry,
    String valuesFile,
    String gitAccessToken,
    DockerBuildStep build,
    boolean trusted) {
  /** The default whole-run timeout (ACR's server-side default). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 3600;

  public RunSpec {
    values = values == null ? Map.of() : Map.copyOf(values);
    secretValues = secretValues == null ? Map.of() : Map.copyOf(secretValues);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    platform = platform == null || platform.isBlank() ? "linux/amd64" : platform;
    timeoutSeconds = timeoutSeconds <= 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    registry = registry == null || registry.isBlank() ? null : registry;
    valuesFile = valuesFile == null || valuesFile.isBlank() ? null : valuesFile;
    gitAccessToken = gitAccessToken == null ? "" : gitAccessToken;
  }

  /** A quick run of inline task text without a context. */
  public static RunSpec inline(String taskText) {
    return new RunSpec(
        "/dev/null",
        null,
        null,
        taskText,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        false);
  }

  /** This spec reading the values file {@code valuesFile} in its context ({@code --values}). */
  public RunSpec withValuesFile(String valuesFile) {
    return new RunSpec(
        context,
        upload,
        file,
        taskText,
        values,
        secretValues,
        credentials,
        platform,
        timeoutSeconds,
        registry,
        valuesFile,
        gitAccessToken,
        build,
        trusted);
  }

  /** This spec with its context replaced by the uploaded archive {@code upload}. */
  public RunSpec withUpload(String upload) {
    return new RunSpec(
        null,
        upload,
        file,
        taskText,
        values,
        secretValues,
        credentials,
        platform,
        timeoutSeconds,
        registry,
        valuesFile,
        gitAccessToken,
        build,
        trusted);
  }
}
