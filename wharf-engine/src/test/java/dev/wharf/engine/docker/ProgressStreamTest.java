package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressStreamTest {

  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final List<String> lines = new ArrayList<>();

  private PushResponseItem push(String text) throws Exception {
    return json.readValue(text, PushResponseItem.class);
  }

  @Test
  void push_errorItemAmongNormalOnes_isKeptAsTheError() throws Exception {
    ProgressStream<PushResponseItem> stream = new ProgressStream<>(lines::add);

    stream.onNext(push("{\"status\":\"The push refers to repository [127.0.0.1:5001/x]\"}"));
    stream.onNext(push("{\"status\":\"Preparing\",\"id\":\"abc\"}"));
    stream.onNext(
        push(
            "{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},"
                + "\"error\":\"unauthorized: authentication required\"}"));
    stream.onComplete();

    assertThat(stream.error()).isEqualTo("unauthorized: authentication required");
    assertThat(lines)
        .containsExactly(
            "The push refers to repository [127.0.0.1:5001/x]",
            "abc: Preparing",
            "unauthorized: authentication required");
  }

  @Test
  void push_auxDigest_isTheResult() throws Exception {
    ProgressStream<PushResponseItem> stream = new ProgressStream<>(lines::add);

    stream.onNext(push("{\"status\":\"1: digest: sha256:abc size: 528\"}"));
    stream.onNext(
        push(
            "{\"progressDetail\":{},\"aux\":{\"Tag\":\"1\",\"Digest\":\"sha256:abc\",\"Size\":528}}"));

    assertThat(stream.error()).isEmpty();
    assertThat(stream.digest()).isEqualTo("sha256:abc");
  }

  @Test
  void push_repeatedProgressStatus_printedOnce() throws Exception {
    ProgressStream<PushResponseItem> stream = new ProgressStream<>(lines::add);

    stream.onNext(push("{\"status\":\"Pushing\",\"id\":\"abc\",\"progress\":\"[=> ] 1kB\"}"));
    stream.onNext(push("{\"status\":\"Pushing\",\"id\":\"abc\",\"progress\":\"[==> ] 2kB\"}"));

    assertThat(lines).containsExactly("abc: Pushing");
  }

  @Test
  void build_streamText_isSplitIntoLinesAndImageIdKept() throws Exception {
    ProgressStream<BuildResponseItem> stream = new ProgressStream<>(lines::add);

    stream.onNext(
        json.readValue(
            "{\"stream\":\"Step 1/2 : FROM busybox\\n ---> 764105922696\\n\"}",
            BuildResponseItem.class));
    stream.onNext(
        json.readValue(
            "{\"stream\":\"Successfully built 764105922696\\n\"}", BuildResponseItem.class));

    assertThat(lines)
        .containsExactly(
            "Step 1/2 : FROM busybox", " ---> 764105922696", "Successfully built 764105922696");
    assertThat(stream.imageId()).isEqualTo("764105922696");
  }
}
