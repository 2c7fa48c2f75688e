package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String SHA =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @CsvSource({
    "alpine,                     registry.hub.docker.com, library/alpine,  latest, alpine:latest",
    "node:16,                    registry.hub.docker.com, library/node,    16,     node:16",
    "library/node:16,            registry.hub.docker.com, library/node,    16,     library/node:16",
    "myorg/img:t,                registry.hub.docker.com, myorg/img,       t,      myorg/img:t",
    "docker.io/alpine,           registry.hub.docker.com, library/alpine,  latest, docker.io/alpine:latest",
    "index.docker.io/org/x:1,    registry.hub.docker.com, org/x,           1,      index.docker.io/org/x:1",
    "registry.hub.docker.com/a,  registry.hub.docker.com, library/a,       latest, registry.hub.docker.com/a:latest",
    "localhost/tools:2,          localhost,               tools,           2,      localhost/tools:2",
    "localhost:5000/base/img:1,  localhost:5000,          base/img,        1,      localhost:5000/base/img:1",
    "myreg:5000/app,             myreg:5000,              app,             latest, myreg:5000/app:latest",
    "reg.io:443/img,             reg.io:443,              img,             latest, reg.io:443/img:latest",
    "mcr.microsoft.com/a/b/c:1,  mcr.microsoft.com,       a/b/c,           1,      mcr.microsoft.com/a/b/c:1",
    "localhost,                  registry.hub.docker.com, library/localhost, latest, localhost:latest",
    "my_org/img,                 registry.hub.docker.com, my_org/img,      latest, my_org/img:latest",
    "Reg.IO/app:v,               Reg.IO,                  app,             v,      Reg.IO/app:v",
  })
  void parse_reference_isSplitAsWharfReportsIt(
      String text, String registry, String repository, String tag, String reference)
      throws Exception {
    ImageReference ref = ImageReference.parse(text);
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(tag);
    assertThat(ref.digest()).isEmpty();
    assertThat(ref.reference()).isEqualTo(reference);
  }

  @Test
  void parse_digestOnly_getsNoLatestTag() throws Exception {
    ImageReference ref = ImageReference.parse("alpine@" + SHA);
    assertThat(ref.tag()).isEmpty();
    assertThat(ref.digest()).isEqualTo(SHA);
    assertThat(ref.reference()).isEqualTo("alpine@" + SHA);
  }

  @Test
  void parse_tagAndDigest_keepsBoth() throws Exception {
    ImageReference ref = ImageReference.parse("localhost:5000/a:3@" + SHA);
    assertThat(ref.registry()).isEqualTo("localhost:5000");
    assertThat(ref.tag()).isEqualTo("3");
    assertThat(ref.digest()).isEqualTo(SHA);
  }

  @Test
  void parse_upperCaseRepository_failsWithAcbText() {
    assertThatThrownBy(() -> ImageReference.parse("Alpine"))
        .isInstanceOf(DockerParseException.class)
        .hasMessage(
            "Failed to parse image reference, ensure tags have a valid format: Alpine:"
                + " repository name must be lowercase");
  }

  @ParameterizedTest
  @CsvSource({
    "'',                       must have at least one component",
    "alpine:,                  invalid reference format",
    "alpine::1,                invalid reference format",
    "a b,                      invalid reference format",
    "-a,                       invalid reference format",
    "a//b,                     invalid reference format",
    "a/,                       invalid reference format",
    "alpine@sha256:abc,        invalid reference format",
    "alpine@md5:0123456789abcdef0123456789abcdef, unsupported digest algorithm",
    "alpine@sha256:0123456789abcdef0123456789abcdef, invalid checksum digest length",
  })
  void parse_invalid_fails(String text, String problem) {
    assertThatThrownBy(() -> ImageReference.parse(text))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void parse_longName_fails() {
    assertThatThrownBy(() -> ImageReference.parse("a".repeat(256)))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("not be more than 255 characters");
  }

  @Test
  void withDigest_setsOnlyTheDigest() throws Exception {
    ImageReference ref = ImageReference.parse("app:1").withDigest(SHA);
    assertThat(ref)
        .isEqualTo(new ImageReference(ImageReference.DOCKER_HUB, "library/app", "1", SHA, "app:1"));
  }
}
