package dev.wharf.engine.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.step.RunNames;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allow-list on bodies that need no engine lookup (those go through RunSocketIT). */
class CreateRulesTest {

  private static CreateRules rules(EngineAccess access) {
    // Nothing here asks the engine: a lookup would fail on this unreachable address.
    RunScope scope =
        new RunScope(
            RunNames.of("run1", "", List.of()),
            access,
            new EngineLookup(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 1)));
    return new CreateRules(scope);
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) Gate.JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void container_anyRun_getsTheRunLabel() throws Exception {
    ObjectNode config = json("{'Image':'busybox','Labels':{'a':'b'}}");

    rules(EngineAccess.SCOPED).container(config);

    assertThat(config.path("Labels").path("dev.wharf.run-id").asText()).isEqualTo("run1");
    assertThat(config.path("Labels").path("a").asText()).isEqualTo("b");
  }

  @Test
  void container_untrustedPrivileged_isRefusedWithAReason() throws Exception {
    ObjectNode config = json("{'Image':'busybox','HostConfig':{'Privileged':true}}");

    assertThatThrownBy(() -> rules(EngineAccess.UNTRUSTED).container(config))
        .isInstanceOf(Refusal.class)
        .hasMessage(
            "Wharf refused: privileged containers are not allowed for untrusted runs"
                + " (docs/security.md)");
  }

  @Test
  void container_scopedPrivileged_isAllowed() throws Exception {
    rules(EngineAccess.SCOPED).container(json("{'HostConfig':{'Privileged':true}}"));
  }

  @Test
  void container_untrustedZeroValuesOfRefusedFields_areAllowed() throws Exception {
    rules(EngineAccess.UNTRUSTED)
        .container(
            json(
                "{'Image':'busybox','HostConfig':{'Privileged':false,'CapAdd':null,'Devices':[],"
                    + "'Sysctls':{},'Runtime':'','Memory':0,'PortBindings':{'80/tcp':[]}}}"));
  }

  @Test
  void container_untrustedUnknownField_isRefused() throws Exception {
    assertThatThrownBy(
            () -> rules(EngineAccess.UNTRUSTED).container(json("{'HostConfig':{'NewThing':1}}")))
        .hasMessageContaining("HostConfig.NewThing is not allowed for untrusted runs");
  }

  @Test
  void container_untrustedHostBindOrMasklessPaths_areRefused() throws Exception {
    assertThatThrownBy(
            () ->
                rules(EngineAccess.UNTRUSTED)
                    .container(json("{'HostConfig':{'Binds':['/etc:/host-etc:ro']}}")))
        .hasMessageContaining("binding host paths (-v /etc:…)");
    assertThatThrownBy(
            () ->
                rules(EngineAccess.UNTRUSTED).container(json("{'HostConfig':{'MaskedPaths':[]}}")))
        .hasMessageContaining("masked paths");
    assertThatThrownBy(
            () ->
                rules(EngineAccess.UNTRUSTED)
                    .container(json("{'HostConfig':{'Mounts':[{'Type':'bind','Source':'/'}]}}")))
        .hasMessageContaining("binding host paths");
  }

  @Test
  void container_untrustedHostNamespaces_areRefused() throws Exception {
    for (String field : List.of("PidMode", "IpcMode", "UTSMode", "UsernsMode")) {
      assertThatThrownBy(
              () ->
                  rules(EngineAccess.UNTRUSTED)
                      .container(json("{'HostConfig':{'" + field + "':'host'}}")))
          .hasMessageContaining("namespace (" + field + "=host)");
    }
  }

  @Test
  void volume_untrustedDriverOptions_areRefused() throws Exception {
    assertThatThrownBy(
            () ->
                rules(EngineAccess.UNTRUSTED)
                    .volume(json("{'Name':'v','DriverOpts':{'type':'none','device':'/etc'}}")))
        .hasMessageContaining("volume driver options");
  }

  @Test
  void exec_untrustedPrivileged_isRefused() throws Exception {
    assertThatThrownBy(
            () -> rules(EngineAccess.UNTRUSTED).exec(json("{'Cmd':['sh'],'Privileged':true}")))
        .hasMessageContaining("privileged exec");
  }

  @Test
  void empty_dockerZeroValues_areEmpty() throws Exception {
    JsonNode zero = json("{'a':null,'b':false,'c':0,'d':'','e':[],'f':{}}");
    zero.properties().forEach(e -> assertThat(CreateRules.empty(e.getValue())).isTrue());
    assertThat(CreateRules.empty(json("{'x':[1]}").path("x"))).isFalse();
  }
}
