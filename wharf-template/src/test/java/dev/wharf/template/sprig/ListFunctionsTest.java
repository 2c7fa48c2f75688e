package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static dev.wharf.template.sprig.SprigCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListFunctionsTest {

  @Test
  void accessors_returnPartsOfTheList() {
    Object l = list(3L, 1L, 2L, 1L);
    assertThat(call("first", l)).isEqualTo(3L);
    assertThat(call("last", l)).isEqualTo(1L);
    assertThat(call("rest", l)).isEqualTo(list(1L, 2L, 1L));
    assertThat(call("initial", l)).isEqualTo(list(3L, 1L, 2L));
    assertThat(call("first", list())).isNull();
  }

  @Test
  void transformations_returnNewLists() {
    Object l = list(3L, 1L, 2L, 1L);
    assertThat(call("reverse", l)).isEqualTo(list(1L, 2L, 1L, 3L));
    assertThat(call("uniq", l)).isEqualTo(list(3L, 1L, 2L));
    assertThat(call("without", l, 1L)).isEqualTo(list(3L, 2L));
    assertThat(call("has", 2L, l)).isEqualTo(true);
    assertThat(call("has", "2", l)).isEqualTo(false);
    assertThat(call("append", list(1L), 2L)).isEqualTo(list(1L, 2L));
    assertThat(call("prepend", list(1L), 0L)).isEqualTo(list(0L, 1L));
    assertThat(call("concat", list(1L), list(2L, 3L))).isEqualTo(list(1L, 2L, 3L));
    assertThat(call("compact", list("a", "", 0L, "b"))).isEqualTo(list("a", "b"));
    assertThat(call("slice", list(1L, 2L, 3L), 1L, 2L)).isEqualTo(list(2L));
    assertThat(call("list", "a", 1L)).isEqualTo(list("a", 1L));
  }

  @Test
  void nonList_isAnError() {
    assertThatThrownBy(() -> call("first", "abc")).hasMessage("Cannot find first on type string");
  }
}
