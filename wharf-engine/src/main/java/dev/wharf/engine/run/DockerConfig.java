package dev.wharf.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.container.RegistryLogin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code ~/.docker/config.json} that steps find in {@code /acb/home}
 * (docs/behaviour.md#home-and-engine-socket): acb's settings and the run's registry logins, so that
 * a step running {@code docker push} is logged in as acb's are.
 */
final class DockerConfig {

  private DockerConfig() {}

  static byte[] json(List<RegistryLogin> logins) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode auths = root.putObject("auths");
    for (RegistryLogin login : logins) {
      String pair = login.username() + ":" + login.password();
      auths
          .putObject(login.registry())
          .put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    root.put("experimental", "enabled");
    root.putObject("HttpHeaders").put("X-Meta-Source-Client", "azure/acr/tasks");
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
