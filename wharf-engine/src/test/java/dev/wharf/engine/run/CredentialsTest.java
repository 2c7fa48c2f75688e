package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.RegistryLogin;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void parse_registryUserPassword_splitsAtTheFirstEqualsAndColon() {
    assertThat(Credentials.parse("127.0.0.1:5001=wharf:pa:ss=word"))
        .isEqualTo(new RegistryLogin("127.0.0.1:5001", "wharf", "pa:ss=word"));
  }

  @Test
  void parse_acbJson_matchesKeysAndProviderTypesCaseInsensitively() {
    String json =
        """
        {"Registry": "r.io", "USERNAME": "u", "password": "p",
         "userNameProviderType": "Opaque", "passwordProviderType": "OPAQUE"}
        """;

    assertThat(Credentials.parse(json)).isEqualTo(new RegistryLogin("r.io", "u", "p"));
  }

  @Test
  void parse_vaultCredential_isRefusedClearly() {
    String json =
        """
        {"registry": "r.io", "username": "u", "password": "https://v.vault.azure.net/secrets/p",
         "usernameProviderType": "opaque", "passwordProviderType": "vaultsecret"}
        """;

    assertThatThrownBy(() -> Credentials.parse(json))
        .hasMessageContaining("opaque credentials only");
  }

  @Test
  void parse_missingPassword_saysSoWithoutEchoingTheValue() {
    assertThatThrownBy(() -> Credentials.parse("r.io=user:")).hasMessage("password can't be empty");
    assertThatThrownBy(() -> Credentials.parse("no-separator-secretvalue"))
        .hasMessageNotContaining("secretvalue");
  }

  @Test
  void parse_badJson_isAcbsUnmarshalError() {
    assertThatThrownBy(() -> Credentials.parse("{not json"))
        .hasMessageStartingWith("unable to unmarshal Credentials from string");
  }
}
