package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunListenerTest {
  private final RunEvent event = new RunEvent.Message("hello");

  @Test
  void fanOut_passesEveryEventToEachListenerInOrder() {
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();

    RunListener.fanOut(List.of(first, second)).onEvent(event);

    assertThat(first.events()).containsExactly(event);
    assertThat(second.events()).containsExactly(event);
  }

  @Test
  void fanOut_failingListener_doesNotStarveTheOthersAndIsRethrown() {
    RecordingListener after = new RecordingListener();
    RunListener failing =
        e -> {
          throw new IllegalStateException("disk full");
        };

    assertThatThrownBy(() -> RunListener.fanOut(List.of(failing, after)).onEvent(event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("disk full");
    assertThat(after.events()).containsExactly(event);
  }
}
