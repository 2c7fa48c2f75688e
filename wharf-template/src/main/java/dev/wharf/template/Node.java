package dev.wharf.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, as in Go's {@code text/template/parse/node.go}; {@code pos} is the
 * byte offset in the template text and {@code toString} gives Go's rendering used in errors.
 */
sealed interface Node {

  int pos();

  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public String toString() {
      return nodes.stream().map(Node::toString).collect(Collectors.joining());
    }
  }

  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return GoFormat.quote(text);
    }
  }

  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  record PipeNode(
      int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
      implements Node {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      if (!decl.isEmpty()) {
        s.append(decl.stream().map(Node::toString).collect(Collectors.joining(", ")));
        s.append(isAssign ? " = " : " := ");
      }
      s.append(cmds.stream().map(Node::toString).collect(Collectors.joining(" | ")));
      return s.toString();
    }
  }

  record CommandNode(int pos, List<Node> args) implements Node {
    @Override
    public String toString() {
      return args.stream()
          .map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
          .collect(Collectors.joining(" "));
    }
  }

  record IdentifierNode(int pos, String name) implements Node {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code $x.Field}: ident holds "$x" then the field names. */
  record VariableNode(int pos, List<String> ident) implements Node {
    @Override
    public String toString() {
      return String.join(".", ident);
    }
  }

  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  record FieldNode(int pos, List<String> ident) implements Node {
    @Override
    public String toString() {
      return ident.stream().map(i -> "." + i).collect(Collectors.joining());
    }
  }

  /** {@code (pipeline).Field1.Field2}. */
  record ChainNode(int pos, Node node, List<String> fields) implements Node {
    @Override
    public String toString() {
      String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
      return head + fields.stream().map(f -> "." + f).collect(Collectors.joining());
    }
  }

  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A number constant: value is a {@link Long} or a {@link Double}. */
  record NumberNode(int pos, String text, Object value) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  record EndNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  record ElseNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }

  record BreakNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  record ContinueNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  /** An {@code if}, {@code range} or {@code with} block. */
  record BranchNode(
      String keyword, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    @Override
    public String toString() {
      String s = "{{" + keyword + " " + pipe + "}}" + list;
      if (elseList != null) {
        s += "{{else}}" + elseList;
      }
      return s + "{{end}}";
    }
  }

  record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return pipe == null
          ? "{{template " + GoFormat.quote(name) + "}}"
          : "{{template " + GoFormat.quote(name) + " " + pipe + "}}";
    }
  }
}
