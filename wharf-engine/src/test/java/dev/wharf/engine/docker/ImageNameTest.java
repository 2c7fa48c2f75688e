package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.RegistryLogin;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageNameTest {

  @Test
  void parse_noTag_meansLatest() {
    assertThat(ImageName.parse("127.0.0.1:5000/app"))
        .isEqualTo(new ImageName("127.0.0.1:5000/app", "latest", ""));
  }

  @Test
  void parse_portAndTag_splitsAtTheLastColonAfterTheLastSlash() {
    assertThat(ImageName.parse("127.0.0.1:5000/team/app:1.2"))
        .isEqualTo(new ImageName("127.0.0.1:5000/team/app", "1.2", ""));
  }

  @Test
  void parse_digest_keepsItApart() {
    ImageName name = ImageName.parse("app@sha256:abc");

    assertThat(name).isEqualTo(new ImageName("app", "", "sha256:abc"));
    assertThat(name.reference()).isEqualTo("app@sha256:abc");
  }

  @Test
  void registry_followsDockersRule() {
    assertThat(ImageName.parse("busybox").registry()).isEqualTo("docker.io");
    assertThat(ImageName.parse("team/app:1").registry()).isEqualTo("docker.io");
    assertThat(ImageName.parse("localhost/app").registry()).isEqualTo("localhost");
    assertThat(ImageName.parse("localhost:5000/app").registry()).isEqualTo("localhost:5000");
    assertThat(ImageName.parse("reg.example.com/app").registry()).isEqualTo("reg.example.com");
    assertThat(ImageName.parse("index.docker.io/library/app").registry()).isEqualTo("docker.io");
  }

  @Test
  void loginFrom_picksTheImagesRegistry() {
    RegistryLogin other = new RegistryLogin("127.0.0.1:5000", "a", "b");
    RegistryLogin mine = new RegistryLogin("https://127.0.0.1:5001/", "wharf", "secret");

    assertThat(ImageName.parse("127.0.0.1:5001/app:1").loginFrom(List.of(other, mine)))
        .contains(mine);
    assertThat(ImageName.parse("busybox").loginFrom(List.of(other, mine))).isEmpty();
  }

  @Test
  void loginFrom_dockerHubUnderAnyOfItsNames_matches() {
    RegistryLogin hub = new RegistryLogin("registry.hub.docker.com", "u", "p");

    assertThat(ImageName.parse("team/app").loginFrom(List.of(hub))).contains(hub);
    assertThat(ImageName.serverAddress("docker.io")).isEqualTo("https://index.docker.io/v1/");
    assertThat(ImageName.serverAddress("127.0.0.1:5001")).isEqualTo("127.0.0.1:5001");
  }
}
