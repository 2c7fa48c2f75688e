package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static dev.wharf.template.sprig.SprigCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {

  @Test
  void b64enc_encodesPrintedValue_andNilAsEmpty() {
    assertThat(call("b64enc", "user:pass")).isEqualTo("dXNlcjpwYXNz");
    assertThat(call("b64enc", 123L)).isEqualTo("MTIz");
    assertThat(call("b64enc", (Object) null)).isEqualTo("");
  }

  @Test
  void b64dec_decodes_orAnswersGoError() {
    assertThat(call("b64dec", "aGVsbG8gd29ybGQ=")).isEqualTo("hello world");
    assertThat(call("b64dec", "a!b")).isEqualTo("illegal base64 data at input byte 1");
  }

  @Test
  void b32_roundTrips() {
    assertThat(call("b32enc", "hello")).isEqualTo("NBSWY3DP");
    assertThat(call("b32enc", "a")).isEqualTo("ME======");
    assertThat(call("b32dec", "NBSWY3DP")).isEqualTo("hello");
  }

  @Test
  void hashes_matchKnownDigests() {
    assertThat(call("sha256sum", "hello"))
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(call("sha1sum", "hello")).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
    assertThat(call("adler32sum", "hello")).isEqualTo("103547413");
  }

  @Test
  void toJson_sortsKeysAndEscapesHtml() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", "app");
    d.put("n", 3L);
    d.put("tags", list("a", "b"));
    d.put("f", 1.5);
    assertThat(call("toJson", d))
        .isEqualTo("{\"f\":1.5,\"n\":3,\"name\":\"app\",\"tags\":[\"a\",\"b\"]}");
    assertThat(call("toJson", "<&>")).isEqualTo("\"\\u003c\\u0026\\u003e\"");
    assertThat(call("toJson", (Object) null)).isEqualTo("null");
  }

  @Test
  void toPrettyJson_indentsTwoSpaces() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("b", 1L);
    d.put("a", list(1L, 2L));
    d.put("e", list());
    assertThat(call("toPrettyJson", d))
        .isEqualTo("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 1,\n  \"e\": []\n}");
  }
}
