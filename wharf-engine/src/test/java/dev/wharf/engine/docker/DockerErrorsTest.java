package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineUnreachableException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

  @Test
  void failure_engineRefuses_saysWhatWasTriedAndTheEnginesReason() {
    EngineException e =
        DockerErrors.failure(
            "remove container abc",
            new NotFoundException("Status 404: {\"message\":\"No such container: abc\"}\n"));

    assertThat(e)
        .isNotInstanceOf(EngineUnreachableException.class)
        .hasMessage("Tried to remove container abc but failed because: No such container: abc");
  }

  @Test
  void failure_connectionRefused_isUnreachable() {
    RuntimeException wrapped = new UncheckedIOException(new ConnectException("Connection refused"));

    EngineException e = DockerErrors.failure("start container abc", wrapped);

    assertThat(e)
        .isInstanceOf(EngineUnreachableException.class)
        .hasMessageContaining("Tried to start container abc")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void reason_plainText_dropsTheStatusPrefix() {
    assertThat(DockerErrors.reason("Status 500: boom")).isEqualTo("boom");
    assertThat(DockerErrors.reason("")).isEqualTo("the engine gave no reason");
  }

  @Test
  void reason_escapedQuotesInJson_areUnescaped() {
    assertThat(DockerErrors.reason("{\"message\":\"invalid \\\"name\\\"\"}"))
        .isEqualTo("invalid \"name\"");
  }
}
