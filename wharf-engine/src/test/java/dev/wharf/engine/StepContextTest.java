package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepContextTest {
  private final RecordingListener events = new RecordingListener();
  private final StepContext context =
      new StepContext("r", "a", events, List.of("connection reset"));

  @Test
  void output_isPassedOnAsAStepLog() {
    context.output(RunEvent.Stream.STDOUT, "hi\n");

    assertThat(events.events())
        .containsExactly(new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "hi\n"));
  }

  @Test
  void takeRetryMarkerSeen_markerSplitAcrossChunks_isSeen() {
    context.output(RunEvent.Stream.STDERR, "error: connection re");
    context.output(RunEvent.Stream.STDERR, "set by peer\n");

    assertThat(context.takeRetryMarkerSeen()).isTrue();
    assertThat(context.takeRetryMarkerSeen()).isFalse();
  }

  @Test
  void takeRetryMarkerSeen_halvesOnDifferentStreams_areNotJoined() {
    context.output(RunEvent.Stream.STDERR, "connection re");
    context.output(RunEvent.Stream.STDOUT, "set");

    assertThat(context.takeRetryMarkerSeen()).isFalse();
  }

  @Test
  void takeRetryMarkerSeen_startsAfreshForTheNextAttempt() {
    context.output(RunEvent.Stream.STDOUT, "connection ");
    context.takeRetryMarkerSeen();
    context.output(RunEvent.Stream.STDOUT, "reset");

    assertThat(context.takeRetryMarkerSeen()).isFalse();
  }
}
