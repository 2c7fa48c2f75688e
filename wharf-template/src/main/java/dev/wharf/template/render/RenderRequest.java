package dev.wharf.template.render;

import dev.wharf.template.alias.RemoteAliases;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one render of a task file needs, as {@code wharf render -f FILE --values V --set …}
 * gives it.
 *
 * @param taskText the task file's text
 * @param taskName the template name: the task file path as given (e.g. {@code acb.yaml})
 * @param taskFolder the folder alias {@code src} paths are relative to
 * @param valuesText the values file's text, or null (then {@code valuesPath} is read, if given)
 * @param valuesPath the values file, or null
 * @param set the {@code --set} values, parsed once where they were given ({@link
 *     dev.wharf.template.values.Values#parseSet}); they replace the values file's keys
 * @param setSecrets the {@code --set-secret} values: merged like {@code --set}, and masked
 * @param run the {@code .Run} facts
 * @param imageAliases image aliases replacing the predefined ones, or null for acb's
 * @param remoteAliases fetches {@code http(s)} alias sources, or null to refuse them
 * @param allowEnv whether {@code env}/{@code expandenv} may read this process's environment
 * @param secretsResolver resolves a task's {@code secrets} from the first rendering, or null
 */
public record RenderRequest(
    String taskText,
    String taskName,
    Path taskFolder,
    String valuesText,
    Path valuesPath,
    Map<String, String> set,
    Map<String, String> setSecrets,
    RunInfo run,
    Map<String, String> imageAliases,
    RemoteAliases remoteAliases,
    boolean allowEnv,
    SecretsResolver secretsResolver) {

  public RenderRequest {
    set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    setSecrets =
        setSecrets == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(setSecrets));
    taskFolder = taskFolder == null ? Path.of("") : taskFolder;
  }

  /** Resolves the secrets a task declares, given the task as first rendered without them. */
  @FunctionalInterface
  public interface SecretsResolver {

    /**
     * Returns secret id → value.
     *
     * @throws RenderException when the first rendering is not a valid task or a secret fails
     */
    Map<String, String> resolve(String firstRendering) throws RenderException;
  }
}
