package dev.wharf.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void text_escapesMarkupAndQuotes() {
    assertThat(new Html().text("<a href=\"x\">&'</a>").toString())
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void attr_escapesTheValue() {
    assertThat(new Html().raw("<a").attr("href", "/runs/\"><script>").toString())
        .isEqualTo("<a href=\"/runs/&quot;&gt;&lt;script&gt;\"");
  }

  @Test
  void text_null_isEmpty() {
    assertThat(new Html().text(null).toString()).isEmpty();
  }

  @Test
  void safeNext_onlyPathsOnThisServer() {
    assertThat(WebAuth.safeNext("/runs/wa1")).isEqualTo("/runs/wa1");
    assertThat(WebAuth.safeNext("//evil.example/x")).isEqualTo("/runs");
    assertThat(WebAuth.safeNext("https://evil.example")).isEqualTo("/runs");
    assertThat(WebAuth.safeNext("/\\evil.example")).isEqualTo("/runs");
    assertThat(WebAuth.safeNext(null)).isEqualTo("/runs");
  }
}
