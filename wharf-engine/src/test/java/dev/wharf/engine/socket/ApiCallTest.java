package dev.wharf.engine.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiCallTest {

  @Test
  void of_versionedPath_dropsTheVersionFromTheSegments() {
    ApiCall call = ApiCall.of("POST", "/v1.41/containers/test/stop?t=3");

    assertThat(call.segments()).containsExactly("containers", "test", "stop");
    assertThat(call.is("POST", "containers", "test", "stop")).isTrue();
    assertThat(call.param("t")).isEqualTo("3");
  }

  @Test
  void uri_unchanged_isTheOriginal() {
    assertThat(ApiCall.of("GET", "/v1.41/containers/json?all=1").uri())
        .isEqualTo("/v1.41/containers/json?all=1");
  }

  @Test
  void uri_afterANameIsScoped_keepsVersionAndQuery() {
    ApiCall call = ApiCall.of("POST", "/v1.41/containers/test/stop?t=3");

    call.segment(1, "run1-test");

    assertThat(call.uri()).isEqualTo("/v1.41/containers/run1-test/stop?t=3");
  }

  @Test
  void uri_unversioned_staysUnversioned() {
    ApiCall call = ApiCall.of("POST", "/containers/create?name=web");

    call.param("name", "run1-web");

    assertThat(call.uri()).isEqualTo("/containers/create?name=run1-web");
  }
}
