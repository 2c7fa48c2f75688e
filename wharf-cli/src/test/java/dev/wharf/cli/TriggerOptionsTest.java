package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.TaskTriggers;
import dev.wharf.api.TaskTriggers.BaseImageTriggerType;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TriggerOptionsTest {
  @Test
  void timers_unnamedAndNamedSchedules_areT1AndTheirNames() {
    assertThat(TriggerOptions.timers(List.of("0 21 * * *", "noon:0 12 * * Mon-Fri", "*/5 * * * *")))
        .containsExactly(
            new TimerTrigger("t1", "0 21 * * *", true),
            new TimerTrigger("noon", "0 12 * * Mon-Fri", true),
            new TimerTrigger("t3", "*/5 * * * *", true));
  }

  @Test
  void forCreate_commitTriggerFlags_makeASourceTriggerPolledEveryMinuteByDefault()
      throws Exception {
    TriggerOptions options = parse("--commit-trigger-enabled", "true", "--branch", "main");

    TaskTriggers triggers = options.forCreate(List.of("0 21 * * *"));

    assertThat(triggers.source().commitEnabled()).isTrue();
    assertThat(triggers.source().pullRequestEnabled()).isFalse();
    assertThat(triggers.source().branch()).isEqualTo("main");
    assertThat(triggers.source().pollIntervalSeconds()).isEqualTo(60);
    assertThat(triggers.timers()).extracting(TimerTrigger::name).containsExactly("t1");
    assertThat(triggers.baseImage().enabled()).isTrue();
    assertThat(triggers.baseImage().type()).isEqualTo(BaseImageTriggerType.Runtime);
  }

  @Test
  void forUpdate_onlyGivenFlags_areSent() throws Exception {
    assertThat(parse("--pull-request-trigger-enabled", "true").forUpdate())
        .isEqualTo(Map.of("source", Map.of("pullRequestEnabled", true)));
    assertThat(parse().forUpdate()).isEmpty();
    assertThatThrownBy(() -> parse("--base-image-trigger-type", "Sometimes").forUpdate())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Runtime or All");
  }

  private static TriggerOptions parse(String... args) {
    TriggerOptions options = new TriggerOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
