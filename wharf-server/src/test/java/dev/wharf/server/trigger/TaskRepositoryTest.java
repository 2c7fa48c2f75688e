package dev.wharf.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskRepositoryTest {
  @Test
  void key_schemeCaseDotGitAndCredentials_doNotMatter() {
    String key = TaskRepository.of("https://bot:tok@Git.Example/org/app.git#main:src").key();

    assertThat(key).isEqualTo("git.example/org/app");
    assertThat(TaskRepository.normalise("HTTP://git.example/org/app/")).isEqualTo(key);
    assertThat(TaskRepository.normalise("git@git.example:org/app.git")).isEqualTo(key);
    assertThat(TaskRepository.normalise("https://git.example:443/org/app")).isEqualTo(key);
    assertThat(TaskRepository.normalise("https://git.example/org/other")).isNotEqualTo(key);
  }

  @Test
  void of_userInfo_becomesTheCredential_andLeavesTheRemote() {
    TaskRepository repository = TaskRepository.of("https://bot:s%40cret@git.example/app.git#dev");

    assertThat(repository.remote()).isEqualTo("https://git.example/app.git");
    assertThat(repository.user()).isEqualTo("bot");
    assertThat(repository.password()).isEqualTo("s@cret");
    assertThat(repository.branch(null)).isEqualTo("dev");
    assertThat(repository.branch("main")).isEqualTo("main");
    assertThat(TaskRepository.of("https://git.example/app.git").branch(null)).isEqualTo("main");
  }

  @Test
  void contextAt_replacesTheRefAndKeepsTheFolder() {
    assertThat(TaskRepository.contextAt("https://git.example/app.git#main:src", "ab12"))
        .isEqualTo("https://git.example/app.git#ab12:src");
    assertThat(TaskRepository.contextAt("https://git.example/app.git", "ab12"))
        .isEqualTo("https://git.example/app.git#ab12");
  }
}
