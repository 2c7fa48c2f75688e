package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepJobTest {
  private final StepAction action = FakeAction.succeeding();

  @Test
  void of_usesAcbDefaults() {
    StepJob job = StepJob.of("a", Set.of(), action);

    assertThat(job.timeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(job.retries()).isZero();
    assertThat(job.repeat()).isZero();
    assertThat(job.container()).isTrue();
  }

  @Test
  void withers_changeOnlyTheirField() {
    StepJob job =
        StepJob.of("a", Set.of("p"), action)
            .withRetries(2, Duration.ofSeconds(5), List.of("reset"))
            .withRepeat(1)
            .withPlace("src", "net");

    assertThat(job.retries()).isEqualTo(2);
    assertThat(job.retryDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(job.retryOnErrors()).containsExactly("reset");
    assertThat(job.repeat()).isEqualTo(1);
    assertThat(job.workingDirectory()).isEqualTo("src");
    assertThat(job.parents()).containsExactly("p");
  }

  @Test
  void constructor_selfDependency_isRejected() {
    assertThatThrownBy(() -> StepJob.of("a", Set.of("a"), action))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withTimeout_zero_isRejected() {
    StepJob job = StepJob.of("a", Set.of(), action);

    assertThatThrownBy(() -> job.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
