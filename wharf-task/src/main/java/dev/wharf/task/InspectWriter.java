package dev.wharf.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Prints a plan the way {@code wharf inspect -o json|yaml} shows it. */
public final class InspectWriter {

  private static final String MASK = "***";

  private InspectWriter() {}

  public static String json(Plan plan) {
    return JsonWriter.write(tree(plan));
  }

  public static String yaml(Plan plan) {
    // Empty lists are one shared instance; without dereferencing they would print as anchors.
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setDereferenceAliases(true)
            .build();
    return new Dump(settings).dumpToString(tree(plan));
  }

  /** The inspect document as ordered maps and lists. */
  static Map<String, Object> tree(Plan plan) {
    Task task = plan.task();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", task.version());
    out.put("stepTimeout", task.stepTimeout());
    out.put("totalTimeout", task.totalTimeout());
    out.put("workingDirectory", task.workingDirectory());
    out.put("env", task.env());
    List<Object> networks = new ArrayList<>();
    for (Network network : task.networks()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", network.name());
      map.put("driver", network.driver());
      map.put("ipv6", network.ipv6());
      map.put("skipCreation", network.skipCreation());
      map.put("isDefault", network.isDefault());
      networks.add(map);
    }
    out.put("networks", networks);
    List<Object> volumes = new ArrayList<>();
    for (Volume volume : task.volumes()) {
      Map<String, Object> files = new LinkedHashMap<>();
      volume.secret().keySet().forEach(name -> files.put(name, MASK));
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", volume.name());
      map.put("secret", files);
      volumes.add(map);
    }
    out.put("volumes", volumes);
    List<Object> secrets = new ArrayList<>();
    for (Secret secret : task.secrets()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("id", secret.id());
      map.put("keyvault", secret.keyvault());
      map.put("clientID", secret.clientID());
      if (!secret.aadResourceId().isEmpty()) {
        map.put("aadResourceId", secret.aadResourceId());
      }
      secrets.add(map);
    }
    out.put("secrets", secrets);
    List<Object> steps = new ArrayList<>();
    for (Step step : task.steps()) {
      steps.add(step(step, plan));
    }
    out.put("steps", steps);
    return out;
  }

  private static Map<String, Object> step(Step step, Plan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", step.id());
    out.put("type", step.type().label());
    out.put("cmd", step.cmd());
    out.put("build", step.build());
    out.put("push", step.push());
    out.put("after", plan.graph().parents(step.id()));
    out.put("when", step.when());
    out.put("env", step.env());
    out.put("workingDirectory", step.containerDirectory());
    out.put("network", step.network());
    out.put("entryPoint", step.entryPoint());
    out.put("user", step.user());
    out.put("isolation", step.isolation());
    out.put("cpus", step.cpus());
    out.put("cache", step.cache());
    out.put("expose", step.expose());
    out.put("ports", step.ports());
    List<Object> mounts = new ArrayList<>();
    for (VolumeMount mount : step.volumeMounts()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", mount.name());
      map.put("mountPath", mount.mountPath());
      mounts.add(map);
    }
    out.put("volumeMounts", mounts);
    out.put("timeout", step.timeout());
    out.put("startDelay", step.startDelay());
    out.put("retries", step.retries());
    out.put("retryDelay", step.retryDelay());
    out.put("retryOnErrors", step.retryOnErrors());
    out.put("repeat", step.repeat());
    out.put("cmdDownloadRetries", step.cmdDownloadRetries());
    out.put("cmdDownloadRetryDelay", step.cmdDownloadRetryDelay());
    out.put("keep", step.keep());
    out.put("detach", step.detach());
    out.put("privileged", step.privileged());
    out.put("ignoreErrors", step.ignoreErrors());
    out.put("disableWorkingDirectoryOverride", step.disableWorkingDirectoryOverride());
    out.put("pull", step.pull());
    BuildSummary build = plan.builds().get(step.id());
    if (build != null) {
      out.put("tags", build.tags());
      out.put("buildArgs", build.buildArgs());
      out.put("dockerfile", build.dockerfile());
      out.put("target", build.target());
      out.put("context", build.context());
      out.put("contextKind", build.contextKind());
      if ("git".equals(build.contextKind())) {
        out.put("gitRef", build.gitRef());
        out.put("gitSubdir", build.gitSubdir());
      }
    }
    return out;
  }
}
