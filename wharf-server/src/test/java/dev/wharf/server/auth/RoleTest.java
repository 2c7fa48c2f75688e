package dev.wharf.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void allows_higherRole_includesLowerOnes() {
    assertThat(Role.admin.allows(Role.run)).isTrue();
    assertThat(Role.run.allows(Role.read)).isTrue();
    assertThat(Role.read.allows(Role.run)).isFalse();
    assertThat(Role.run.allows(Role.admin)).isFalse();
  }

  @Test
  void allows_agentRole_onlyAgentWork() {
    assertThat(Role.agent.allows(Role.agent)).isTrue();
    assertThat(Role.agent.allows(Role.read)).isFalse();
    assertThat(Role.agent.allows(Role.run)).isFalse();
    assertThat(Role.run.allows(Role.agent)).isFalse();
    assertThat(Role.admin.allows(Role.agent)).isTrue();
  }
}
