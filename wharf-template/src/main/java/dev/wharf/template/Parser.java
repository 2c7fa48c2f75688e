package dev.wharf.template;

import dev.wharf.template.Node.BoolNode;
import dev.wharf.template.Node.BranchNode;
import dev.wharf.template.Node.BreakNode;
import dev.wharf.template.Node.ChainNode;
import dev.wharf.template.Node.CommandNode;
import dev.wharf.template.Node.ContinueNode;
import dev.wharf.template.Node.DotNode;
import dev.wharf.template.Node.ElseNode;
import dev.wharf.template.Node.EndNode;
import dev.wharf.template.Node.FieldNode;
import dev.wharf.template.Node.IdentifierNode;
import dev.wharf.template.Node.ListNode;
import dev.wharf.template.Node.NilNode;
import dev.wharf.template.Node.PipeNode;
import dev.wharf.template.Node.StringNode;
import dev.wharf.template.Node.TemplateNode;
import dev.wharf.template.Node.TextNode;
import dev.wharf.template.Node.VariableNode;
import dev.wharf.template.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds parse trees from tokens following Go's {@code text/template/parse/parse.go}. */
final class Parser {

  /** Nesting limit that keeps deeply nested input from overflowing the Java stack. */
  static final int MAX_DEPTH = 400;

  /** A parse failure carrying Go's full message. */
  static final class ParseError extends RuntimeException {
    final int line;

    ParseError(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private final Tokens t;
  private final Set<String> functions;
  private final Map<String, ListNode> trees;
  private List<String> vars = new ArrayList<>(List.of("$"));
  private int rangeDepth;
  private int depth;

  private Parser(
      String parseName, List<Token> tokens, Set<String> functions, Map<String, ListNode> trees) {
    this.t = new Tokens(parseName, tokens);
    this.functions = functions;
    this.trees = trees;
  }

  /** Parses {@code text}, adding the main tree and every definition to {@code trees}. */
  static void parse(String name, String text, Set<String> functions, Map<String, ListNode> trees) {
    Parser p = new Parser(name, Lexer.lex(text), functions, trees);
    ListNode root = p.parseRoot();
    p.add(name, root);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      t.errorf("max expression depth exceeded");
    }
  }

  // ---- structure ----

  private ListNode parseRoot() {
    List<Node> nodes = new ArrayList<>();
    int rootPos = t.peek().pos();
    while (t.peek().type() != Type.EOF) {
      if (t.peek().type() == Type.LEFT_DELIM) {
        int mark = t.mark();
        t.next();
        if (t.nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        t.reset(mark);
      }
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        t.errorf("unexpected " + n);
      }
      nodes.add(n);
    }
    return new ListNode(rootPos, nodes);
  }

  private void parseDefinition() {
    String context = "define clause";
    Token name = t.nextNonSpace();
    if (name.type() != Type.STRING && name.type() != Type.RAW_STRING) {
      t.unexpected(name, context);
    }
    String defined = unquote(name);
    t.expect(Type.RIGHT_DELIM, context);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    Node[] end = new Node[1];
    ListNode body = itemList(end);
    if (!(end[0] instanceof EndNode)) {
      t.errorf("unexpected " + end[0] + " in " + context);
    }
    add(defined, body);
    vars = saved;
  }

  private void add(String name, ListNode root) {
    ListNode existing = trees.get(name);
    if (existing == null || isEmptyTree(existing)) {
      trees.put(name, root);
      return;
    }
    if (!isEmptyTree(root)) {
      t.errorf("template: multiple definition of template " + GoFormat.quote(name));
    }
  }

  static boolean isEmptyTree(Node n) {
    if (n instanceof ListNode list) {
      return list.nodes().stream().allMatch(Parser::isEmptyTree);
    }
    if (n instanceof TextNode text) {
      return text.text().isBlank();
    }
    return false;
  }

  /** Parses nodes until {{end}} or {{else}}, which is returned in {@code next[0]}. */
  private ListNode itemList(Node[] next) {
    enter();
    List<Node> nodes = new ArrayList<>();
    int pos = t.peekNonSpace().pos();
    while (t.peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        next[0] = n;
        depth--;
        return new ListNode(pos, nodes);
      }
      nodes.add(n);
    }
    throw t.errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Token token = t.nextNonSpace();
    switch (token.type()) {
      case TEXT:
        return new TextNode(token.pos(), token.val());
      case LEFT_DELIM:
        t.actionLine = token.line();
        Node n = action();
        t.actionLine = 0;
        return n;
      default:
        t.unexpected(token, "input");
        throw new IllegalStateException();
    }
  }

  private Node action() {
    Token token = t.nextNonSpace();
    switch (token.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return loopControl(token, "break");
      case CONTINUE:
        return loopControl(token, "continue");
      case ELSE:
        return elseControl();
      case END:
        return new EndNode(t.expect(Type.RIGHT_DELIM, "end").pos());
      case IF:
        return branch("if", true);
      case RANGE:
        return branch("range", false);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return branch("with", false);
      default:
        break;
    }
    t.backup();
    Token start = t.peek();
    return new Node.ActionNode(start.pos(), start.line(), pipeline("command", Type.RIGHT_DELIM));
  }

  private Node loopControl(Token token, String word) {
    Token after = t.nextNonSpace();
    if (after.type() != Type.RIGHT_DELIM) {
      t.unexpected(after, "{{" + word + "}}");
    }
    if (rangeDepth == 0) {
      t.errorf("{{" + word + "}} outside {{range}}");
    }
    return word.equals("break")
        ? new BreakNode(token.pos(), token.line())
        : new ContinueNode(token.pos(), token.line());
  }

  private Node elseControl() {
    Token peek = t.peekNonSpace();
    if (peek.type() == Type.IF) {
      return new ElseNode(peek.pos(), peek.line());
    }
    Token token = t.expect(Type.RIGHT_DELIM, "else");
    return new ElseNode(token.pos(), token.line());
  }

  private Node branch(String context, boolean allowElseIf) {
    int savedVars = vars.size();
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    if (context.equals("range")) {
      rangeDepth++;
    }
    Node[] next = new Node[1];
    ListNode list = itemList(next);
    if (context.equals("range")) {
      rangeDepth--;
    }
    ListNode elseList = null;
    if (next[0] instanceof ElseNode elseNode) {
      if (allowElseIf && t.peek().type() == Type.IF) {
        t.next();
        elseList = new ListNode(elseNode.pos(), List.of(branch("if", true)));
      } else {
        elseList = itemList(next);
        if (!(next[0] instanceof EndNode)) {
          t.errorf("expected end; found " + next[0]);
        }
      }
    }
    vars.subList(savedVars, vars.size()).clear();
    return new BranchNode(context, pipe.pos(), pipe.line(), pipe, list, elseList);
  }

  private Node templateControl() {
    String context = "template clause";
    Token token = t.nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = null;
    if (t.nextNonSpace().type() != Type.RIGHT_DELIM) {
      t.backup();
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos(), token.line(), name, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Token token = t.nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = vars;
    int savedRange = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    Node[] end = new Node[1];
    ListNode body = itemList(end);
    if (!(end[0] instanceof EndNode)) {
      t.errorf("unexpected " + end[0] + " in " + context);
    }
    vars = saved;
    rangeDepth = savedRange;
    add(name, body);
    return new TemplateNode(token.pos(), token.line(), name, pipe);
  }

  private String templateName(Token token, String context) {
    if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
      t.unexpected(token, context);
    }
    return unquote(token);
  }

  // ---- pipelines ----

  private PipeNode pipeline(String context, Type end) {
    enter();
    Token start = t.peekNonSpace();
    boolean isAssign = false;
    List<VariableNode> decl = new ArrayList<>();
    List<CommandNode> cmds = new ArrayList<>();
    while (t.peekNonSpace().type() == Type.VARIABLE) {
      int mark = t.mark();
      Token v = t.nextNonSpace();
      Token next = t.peekNonSpace();
      if (next.type() == Type.ASSIGN || next.type() == Type.DECLARE) {
        isAssign = next.type() == Type.ASSIGN;
        t.nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        break;
      } else if (next.type() == Type.CHAR && next.val().equals(",")) {
        t.nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          Type after = t.peekNonSpace().type();
          if (after == Type.VARIABLE || after == Type.RIGHT_DELIM || after == Type.RIGHT_PAREN) {
            continue;
          }
          t.errorf("range can only initialize variables");
        }
        t.errorf("too many declarations in " + context);
      }
      t.reset(mark);
      break;
    }
    while (true) {
      Token token = t.nextNonSpace();
      if (token.type() == end) {
        checkPipeline(cmds, context);
        depth--;
        return new PipeNode(start.pos(), start.line(), isAssign, decl, cmds);
      }
      switch (token.type()) {
        case BOOL,
            CHAR_CONSTANT,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          t.backup();
          cmds.add(command());
        }
        default -> t.unexpected(token, context);
      }
    }
  }

  private void checkPipeline(List<CommandNode> cmds, String context) {
    if (cmds.isEmpty()) {
      t.errorf("missing value for " + context);
    }
    for (int i = 1; i < cmds.size(); i++) {
      Node first = cmds.get(i).args().get(0);
      if (first instanceof BoolNode
          || first instanceof DotNode
          || first instanceof NilNode
          || first instanceof Node.NumberNode
          || first instanceof StringNode) {
        t.errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private CommandNode command() {
    List<Node> args = new ArrayList<>();
    int pos = t.peekNonSpace().pos();
    while (true) {
      t.peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token token = t.next();
      if (token.type() == Type.SPACE) {
        continue;
      }
      if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
        t.backup();
      } else if (token.type() != Type.PIPE) {
        t.unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      t.errorf("empty command");
    }
    return new CommandNode(pos, args);
  }

  private Node operand() {
    Node node = term();
    if (node == null || t.peek().type() != Type.FIELD) {
      return node;
    }
    int chainPos = t.peek().pos();
    List<String> fields = new ArrayList<>();
    while (t.peek().type() == Type.FIELD) {
      fields.add(t.next().val().substring(1));
    }
    if (node instanceof FieldNode field) {
      List<String> all = new ArrayList<>(field.ident());
      all.addAll(fields);
      return new FieldNode(chainPos, all);
    }
    if (node instanceof VariableNode variable) {
      List<String> all = new ArrayList<>(variable.ident());
      all.addAll(fields);
      return new VariableNode(chainPos, all);
    }
    if (node instanceof BoolNode
        || node instanceof StringNode
        || node instanceof Node.NumberNode
        || node instanceof NilNode
        || node instanceof DotNode) {
      t.errorf("unexpected . after term " + GoFormat.quote(node.toString()));
    }
    return new ChainNode(chainPos, node, fields);
  }

  private Node term() {
    Token token = t.nextNonSpace();
    switch (token.type()) {
      case IDENTIFIER:
        if (!functions.contains(token.val())) {
          t.errorf("function " + GoFormat.quote(token.val()) + " not defined");
        }
        return new IdentifierNode(token.pos(), token.val());
      case DOT:
        return new DotNode(token.pos());
      case NIL:
        return new NilNode(token.pos());
      case VARIABLE:
        if (!vars.contains(token.val())) {
          t.errorf("undefined variable " + GoFormat.quote(token.val()));
        }
        return new VariableNode(token.pos(), List.of(token.val()));
      case FIELD:
        return new FieldNode(token.pos(), List.of(token.val().substring(1)));
      case BOOL:
        return new BoolNode(token.pos(), token.val().equals("true"));
      case CHAR_CONSTANT, NUMBER:
        try {
          return new Node.NumberNode(token.pos(), token.val(), Literals.number(token));
        } catch (IllegalArgumentException e) {
          throw t.errorf(e.getMessage());
        }
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING, RAW_STRING:
        return new StringNode(token.pos(), token.val(), unquote(token));
      default:
        t.backup();
        return null;
    }
  }

  private String unquote(Token token) {
    try {
      return Literals.unquote(token.val());
    } catch (IllegalArgumentException e) {
      throw t.errorf(e.getMessage());
    }
  }
}
