package dev.wharf.template.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasesTest {

  @TempDir Path folder;

  @Test
  void build_valuesOverLaterSrcOverEarlierSrcOverPredefined() throws Exception {
    Files.writeString(folder.resolve("one.yaml"), "a: from-one\nb: from-one\nc: from-one\n");
    Files.writeString(folder.resolve("two.yaml"), "b: from-two\nc: from-two\nbash: b2\n");
    AliasBlock block =
        AliasBlock.parse(
            "alias:\n  src: [one.yaml, two.yaml]\n  values:\n    c: from-values\n    n: 5\n");
    Aliases aliases = Aliases.build(block, folder, null, null);
    assertThat(aliases.values())
        .containsEntry("a", "from-one")
        .containsEntry("b", "from-two")
        .containsEntry("c", "from-values")
        .containsEntry("n", "5")
        .containsEntry("bash", "b2")
        .containsEntry("ID", "{{.Run.ID}}");
    assertThat(aliases.directive()).isEqualTo('$');
  }

  @Test
  void build_imageOverridesReplacePredefinedImages() throws Exception {
    Aliases aliases = Aliases.build(AliasBlock.NONE, folder, Map.of("bash", "local/bash:5"), null);
    assertThat(aliases.values()).containsEntry("bash", "local/bash:5").doesNotContainKey("az");
    assertThat(aliases.values()).containsEntry("Registry", "{{.Run.Registry}}");
  }

  @Test
  void parseImageAliases_readsAMapAndRefusesAList() throws Exception {
    assertThat(Aliases.parseImageAliases("bash: my/bash:1\n", "aliases.yaml"))
        .isEqualTo(Map.of("bash", "my/bash:1"));
    assertThat(Aliases.parseImageAliases("", "aliases.yaml")).isEmpty();
    assertThatThrownBy(() -> Aliases.parseImageAliases("- a\n", "aliases.yaml"))
        .isInstanceOf(AliasException.class);
  }

  @Test
  void build_nonAlphanumericKey_isRefused() throws Exception {
    AliasBlock block = new AliasBlock(List.of(), Map.of("my-tool", "x"), null);
    assertThatThrownBy(() -> Aliases.build(block, folder, null, null))
        .hasMessage("alias key names only support alphanumeric characters");
  }

  @Test
  void parse_directiveMustBeOneNonAlphanumericCharacter() throws Exception {
    assertThat(AliasBlock.parse("alias:\n  directive: \"🙂\"\n").directive()).isEqualTo("🙂");
    assertThatThrownBy(() -> AliasBlock.parse("alias:\n  directive: \"&&\"\n"))
        .hasMessageContaining("directive can only be overwritten by a single character");
    assertThatThrownBy(() -> AliasBlock.parse("alias:\n  directive: a\n"))
        .hasMessage("overwritten directives may not be alphanumeric characters");
  }

  @Test
  void build_urlSources_goThroughTheCallersFetcher() throws Exception {
    AliasBlock block = new AliasBlock(List.of("https://example.test/a.yaml"), Map.of(), null);
    Aliases aliases =
        Aliases.build(block, folder, null, url -> url.endsWith("a.yaml") ? "tool: t:1\n" : "");
    assertThat(aliases.values()).containsEntry("tool", "t:1");
    assertThatThrownBy(() -> Aliases.build(block, folder, null, null))
        .hasMessageContaining("https://example.test/a.yaml");
  }

  @Test
  void build_missingSrcFile_isAnError() throws Exception {
    AliasBlock block = new AliasBlock(List.of("nope.yaml"), Map.of(), null);
    assertThatThrownBy(() -> Aliases.build(block, folder, null, null))
        .isInstanceOf(AliasException.class)
        .hasMessageContaining("nope.yaml");
  }
}
