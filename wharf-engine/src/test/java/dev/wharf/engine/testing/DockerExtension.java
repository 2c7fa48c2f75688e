package dev.wharf.engine.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.LabelledResources;
import dev.wharf.engine.docker.DockerConnection;
import dev.wharf.engine.docker.DockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives {@link DockerTest} classes the local engine, and removes everything they labelled once the
 * class is done.
 *
 * <p>When no engine answers, the tests fail (they never skip) with a message that says how to start
 * one, so a missing daemon cannot pass for a green build.
 */
public final class DockerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final String SETUP_HINT =
      "run scripts/setup-docker.sh (as root) to start the engine, the registries on 127.0.0.1:5000"
          + " and 127.0.0.1:5001 and the offline base images, then rerun";

  /** One connection for the whole test JVM: negotiating it costs seconds. */
  private static DockerEngine shared;

  private static DockerConnection sharedConnection;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DockerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    DockerEngine engine = sharedEngine();
    DockerConnection connection = sharedConnection;
    requireReachable(engine, connection.address());
    DockerClient client = connection.client();
    for (String image : List.of(LocalDocker.BUSYBOX, LocalDocker.BASH)) {
      try {
        client.inspectImageCmd(image).exec();
      } catch (NotFoundException missing) {
        throw new AssertionError("The base image " + image + " is missing; " + SETUP_HINT, missing);
      }
    }
    String testId = UUID.randomUUID().toString();
    ContainerEngine labelled = engine.withLabels(Map.of(LocalDocker.TEST_LABEL, testId));
    store(context).put(LocalDocker.class, new LocalDocker(labelled, client, testId));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    LocalDocker docker = store(context).get(LocalDocker.class, LocalDocker.class);
    if (docker != null) {
      removeEverything(docker);
    }
  }

  /** Fails, naming the setup script, when {@code engine} does not answer. */
  static void requireReachable(ContainerEngine engine, String address) {
    try {
      engine.info();
    } catch (EngineException e) {
      throw new AssertionError(
          "Docker is not reachable at " + address + ": " + e.getMessage() + "; " + SETUP_HINT, e);
    }
  }

  /** Removes containers, networks, volumes and images labelled with {@code docker}'s test id. */
  static void removeEverything(LocalDocker docker) throws EngineException {
    ContainerEngine engine = docker.engine();
    LabelledResources left = engine.listByLabel(LocalDocker.TEST_LABEL, docker.testId());
    List<EngineException> failures = new ArrayList<>();
    for (String id : left.containerIds()) {
      collect(failures, () -> engine.removeContainer(id));
    }
    for (String name : left.networkNames()) {
      collect(failures, () -> engine.removeNetwork(name));
    }
    for (String name : left.volumeNames()) {
      collect(failures, () -> engine.removeVolume(name));
    }
    List<Image> images =
        docker
            .client()
            .listImagesCmd()
            .withLabelFilter(Map.of(LocalDocker.TEST_LABEL, docker.testId()))
            .exec();
    for (Image image : images) {
      collect(failures, () -> engine.removeImage(image.getId()));
    }
    if (!failures.isEmpty()) {
      EngineException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }

  private interface Removal {
    void run() throws EngineException;
  }

  private static void collect(List<EngineException> failures, Removal removal) {
    try {
      removal.run();
    } catch (EngineException e) {
      failures.add(e);
    }
  }

  private static synchronized DockerEngine sharedEngine() {
    if (shared == null) {
      sharedConnection = DockerConnection.fromEnvironment();
      shared = new DockerEngine(sharedConnection);
    }
    return shared;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalDocker.class || type == ContainerEngine.class || type == DockerClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalDocker docker = store(context).get(LocalDocker.class, LocalDocker.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == ContainerEngine.class) {
      return docker.engine();
    }
    return type == DockerClient.class ? docker.client() : docker;
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE);
  }
}
