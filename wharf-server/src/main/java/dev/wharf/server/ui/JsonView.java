package dev.wharf.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Record fields this UI has no page of its own for (triggers, agent details as the server grows
 * them), written as HTML from their JSON: a list of objects as a table, an object as a definition
 * list, anything else as text.
 */
final class JsonView {
  private JsonView() {}

  static void render(Html html, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      html.raw("<span class=\"none\">–</span>");
    } else if (value.isArray() && value.size() > 0 && allObjects(value)) {
      Set<String> columns = new LinkedHashSet<>();
      value.forEach(item -> item.fieldNames().forEachRemaining(columns::add));
      html.raw("<table><thead><tr>");
      for (String column : columns) {
        html.raw("<th scope=\"col\">").text(RunPage.label(column)).raw("</th>");
      }
      html.raw("</tr></thead><tbody>");
      for (JsonNode item : value) {
        html.raw("<tr>");
        for (String column : columns) {
          html.raw("<td>");
          JsonNode cell = item.get(column);
          if (cell == null || cell.isNull()) {
            html.raw("<span class=\"none\">–</span>");
          } else {
            html.text(cell.isValueNode() ? cell.asText() : RunPage.compact(cell));
          }
          html.raw("</td>");
        }
        html.raw("</tr>");
      }
      html.raw("</tbody></table>");
    } else if (value.isArray()) {
      html.raw("<ul>");
      value.forEach(
          item ->
              html.raw("<li>")
                  .text(item.isValueNode() ? item.asText() : RunPage.compact(item))
                  .raw("</li>"));
      html.raw("</ul>");
    } else if (value.isObject()) {
      html.raw("<dl class=\"facts\">");
      value
          .properties()
          .forEach(
              e -> {
                html.raw("<div><dt>").text(RunPage.label(e.getKey())).raw("</dt><dd>");
                if (e.getValue().isValueNode()) {
                  html.text(e.getValue().asText());
                } else {
                  render(html, e.getValue());
                }
                html.raw("</dd></div>");
              });
      html.raw("</dl>");
    } else {
      html.text(value.asText());
    }
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }
}
