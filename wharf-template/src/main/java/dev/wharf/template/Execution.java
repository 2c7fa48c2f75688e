package dev.wharf.template;

import dev.wharf.template.Node.ActionNode;
import dev.wharf.template.Node.BoolNode;
import dev.wharf.template.Node.BranchNode;
import dev.wharf.template.Node.BreakNode;
import dev.wharf.template.Node.ChainNode;
import dev.wharf.template.Node.CommandNode;
import dev.wharf.template.Node.ContinueNode;
import dev.wharf.template.Node.DotNode;
import dev.wharf.template.Node.FieldNode;
import dev.wharf.template.Node.IdentifierNode;
import dev.wharf.template.Node.ListNode;
import dev.wharf.template.Node.NilNode;
import dev.wharf.template.Node.NumberNode;
import dev.wharf.template.Node.PipeNode;
import dev.wharf.template.Node.StringNode;
import dev.wharf.template.Node.TemplateNode;
import dev.wharf.template.Node.TextNode;
import dev.wharf.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One execution of a parsed template, following Go's {@code text/template/exec.go}. */
final class Execution {

  /** Go's invalid {@code reflect.Value}: no value at all, printed as {@code <no value>}. */
  static final Object MISSING = new Object();

  /** No previous pipeline command feeds this one. */
  private static final Object NO_FINAL = new Object();

  /** Template calls deeper than this fail, which keeps recursion off the Java stack limit. */
  static final int MAX_DEPTH = 500;

  // Control flow of {{break}} and {{continue}}, never reported: one shared instance each is enough.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  private static final RuntimeException BREAK = new GoError("break");

  @SuppressWarnings("StaticAssignmentOfThrowable")
  private static final RuntimeException CONTINUE = new GoError("continue");

  private final String parseName;
  private final String text;
  private final Map<String, ListNode> trees;
  private final Map<String, TemplateFunction> funcs;
  private final MissingKey missingKey;
  private final StringBuilder out = new StringBuilder();
  private Variables vars;

  /** Whether Go sees dot's static type as interface {} (a range element), for error texts. */
  private boolean dotIface;

  private String tmplName;
  private Node node;
  private int depth;

  Execution(
      String parseName,
      String text,
      Map<String, ListNode> trees,
      Map<String, TemplateFunction> funcs,
      MissingKey missingKey) {
    this.parseName = parseName;
    this.text = text;
    this.trees = trees;
    this.funcs = funcs;
    this.missingKey = missingKey;
  }

  String run(String name, Object data) {
    Object root = data == null ? MISSING : data;
    tmplName = name;
    vars = new Variables(root);
    walk(root, trees.get(name));
    return out.toString();
  }

  private ExecError errorf(String message) {
    throw ExecError.at(text, parseName, tmplName, node, message);
  }

  // ---- statements ----

  private void walk(Object dot, Node n) {
    node = n;
    if (n instanceof ListNode list) {
      for (Node child : list.nodes()) {
        walk(dot, child);
      }
    } else if (n instanceof TextNode t) {
      append(t.text());
    } else if (n instanceof ActionNode action) {
      Object val = evalPipeline(dot, action.pipe());
      if (action.pipe().decl().isEmpty()) {
        printValue(action, val);
      }
    } else if (n instanceof BranchNode branch) {
      if (branch.keyword().equals("range")) {
        walkRange(dot, branch);
      } else {
        walkIfOrWith(dot, branch);
      }
    } else if (n instanceof TemplateNode t) {
      walkTemplate(dot, t);
    } else if (n instanceof BreakNode) {
      throw BREAK;
    } else if (n instanceof ContinueNode) {
      throw CONTINUE;
    } else {
      errorf("unknown node: " + n);
    }
  }

  private void append(String text) {
    if (out.length() + text.length() > Template.MAX_STRING_CHARS) {
      errorf(
          "the output is longer than "
              + Template.MAX_STRING_CHARS
              + " characters, the limit of a rendered template");
    }
    out.append(text);
  }

  private void printValue(Node n, Object v) {
    node = n;
    if (v == MISSING || v == null) {
      append("<no value>");
    } else if (v instanceof TemplateFunction) {
      errorf("can't print " + n + " of type " + GoFormat.typeName(v));
    } else if (v instanceof String s) {
      append(s);
    } else {
      append(GoFormat.sprint(List.of(v)));
    }
  }

  private void walkIfOrWith(Object dot, BranchNode branch) {
    int mark = vars.mark();
    Object val = evalPipeline(dot, branch.pipe());
    if (val != MISSING && GoValues.isTrue(val)) {
      if (branch.keyword().equals("with")) {
        walkDot(val, false, branch.list());
      } else {
        walk(dot, branch.list());
      }
    } else if (branch.elseList() != null) {
      walk(dot, branch.elseList());
    }
    vars.pop(mark);
  }

  private void walkRange(Object dot, BranchNode r) {
    node = r;
    int mark = vars.mark();
    Object val = evalPipeline(dot, r.pipe());
    int body = vars.mark();
    boolean ran = false;
    try {
      if (val instanceof Collection<?>
          || (val != MISSING && val != null && val.getClass().isArray())) {
        List<Object> items = GoValues.asList(val);
        for (int i = 0; i < items.size(); i++) {
          ran = true;
          oneIteration(r, body, (long) i, items.get(i));
        }
      } else if (val instanceof Map<?, ?> map) {
        for (Map.Entry<String, Object> e : GoValues.sorted(map).entrySet()) {
          ran = true;
          oneIteration(r, body, e.getKey(), e.getValue());
        }
      } else if (val != MISSING && val != null) {
        errorf("range can't iterate over " + GoFormat.sprint(List.of(val)));
      }
    } catch (GoError e) {
      if (e != BREAK) {
        throw e;
      }
    }
    if (!ran && r.elseList() != null) {
      walk(dot, r.elseList());
    }
    vars.pop(mark);
  }

  private void oneIteration(BranchNode r, int mark, Object index, Object elem) {
    stopIfInterrupted();
    int decls = r.pipe().decl().size();
    if (decls > 0) {
      vars.setTop(1, elem);
    }
    if (decls > 1) {
      vars.setTop(2, index);
    }
    try {
      walkDot(elem, true, r.list());
    } catch (GoError e) {
      if (e != CONTINUE) {
        throw e;
      }
    }
    vars.pop(mark);
  }

  /** Loops and template calls are where rendering can take long: a stopped run interrupts it. */
  private void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      errorf("rendering was stopped");
    }
  }

  private void walkTemplate(Object dot, TemplateNode t) {
    node = t;
    ListNode tree = trees.get(t.name());
    if (tree == null) {
      errorf("template " + GoFormat.quote(t.name()) + " not defined");
    }
    if (depth >= MAX_DEPTH) {
      errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    stopIfInterrupted();
    Object newDot = evalPipeline(dot, t.pipe());
    Variables saved = vars;
    String savedName = tmplName;
    vars = new Variables(newDot);
    tmplName = t.name();
    depth++;
    try {
      walkDot(newDot, false, tree);
    } finally {
      depth--;
      vars = saved;
      tmplName = savedName;
    }
  }

  private void walkDot(Object dot, boolean iface, Node n) {
    boolean saved = dotIface;
    dotIface = iface;
    try {
      walk(dot, n);
    } finally {
      dotIface = saved;
    }
  }

  // ---- expressions ----

  private Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return MISSING;
    }
    node = pipe;
    Object value = NO_FINAL;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, cmd, value);
      if (value == null) {
        value = MISSING;
      }
    }
    for (VariableNode v : pipe.decl()) {
      String name = v.ident().get(0);
      if (pipe.isAssign()) {
        setVar(name, value);
      } else {
        vars.push(name, value);
      }
    }
    return value;
  }

  private void setVar(String name, Object value) {
    if (!vars.set(name, value)) {
      errorf("undefined variable: " + name);
    }
  }

  private Object varValue(String name) {
    if (!vars.has(name)) {
      errorf("undefined variable: " + name);
    }
    return vars.get(name);
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      node = f;
      return evalFieldChain(dot, dot, f.ident(), cmd.args(), fin, dotIface);
    }
    if (first instanceof ChainNode c) {
      return evalChain(dot, c, cmd.args(), fin);
    }
    if (first instanceof IdentifierNode id) {
      return evalFunction(dot, id, cmd, cmd.args(), fin);
    }
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, p);
    }
    if (first instanceof VariableNode v) {
      return evalVariable(dot, v, cmd.args(), fin);
    }
    node = first;
    notAFunction(cmd.args(), fin);
    if (first instanceof NilNode) {
      errorf("nil is not a command");
    }
    return evalConstant(dot, first);
  }

  private Object evalConstant(Object dot, Node n) {
    if (n instanceof BoolNode b) {
      return b.value();
    }
    if (n instanceof DotNode) {
      return dot;
    }
    if (n instanceof NumberNode number) {
      if (number.value() instanceof java.math.BigInteger) {
        errorf(number.text() + " overflows int");
      }
      return number.value();
    }
    if (n instanceof StringNode s) {
      return s.text();
    }
    throw errorf("can't evaluate command " + GoFormat.quote(n.toString()));
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != NO_FINAL) {
      errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object evalVariable(Object dot, VariableNode v, List<Node> args, Object fin) {
    node = v;
    Object value = varValue(v.ident().get(0));
    if (v.ident().size() == 1) {
      notAFunction(args == null ? List.of(v) : args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v.ident().subList(1, v.ident().size()), args, fin, false);
  }

  private Object evalChain(Object dot, ChainNode chain, List<Node> args, Object fin) {
    node = chain;
    if (chain.node() instanceof NilNode) {
      errorf("indirection through explicit nil in " + chain);
    }
    Object head = evalOperand(dot, chain.node());
    node = chain;
    return evalFieldChain(dot, head, chain.fields(), args, fin, false);
  }

  // dot keeps the signature of Go's evalFieldChain, which the callers mirror.
  @SuppressWarnings("UnusedVariable")
  private Object evalFieldChain(
      Object dot,
      Object receiver,
      List<String> idents,
      List<Node> args,
      Object fin,
      boolean iface) {
    Object r = receiver;
    int n = idents.size();
    for (int i = 0; i < n - 1; i++) {
      r = evalField(idents.get(i), null, NO_FINAL, r, iface || i > 0);
    }
    return evalField(idents.get(n - 1), args, fin, r, iface || n > 1);
  }

  private Object evalField(
      String name, List<Node> args, Object fin, Object receiver, boolean iface) {
    boolean hasArgs = (args != null && args.size() > 1) || fin != NO_FINAL;
    try {
      return Fields.lookup(receiver, name, hasArgs, missingKey, iface);
    } catch (GoError e) {
      throw errorf(e.getMessage());
    }
  }

  private Object evalFunction(
      Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
    node = id;
    TemplateFunction fn = funcs.get(id.name());
    if (fn == null) {
      errorf(GoFormat.quote(id.name()) + " is not a defined function");
    }
    return evalCall(dot, fn, cmd, id.name(), args, fin);
  }

  private Object evalCall(
      Object dot, TemplateFunction fn, Node cmd, String name, List<Node> args, Object fin) {
    List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
    int numIn = argNodes.size() + (fin != NO_FINAL ? 1 : 0);
    if (fn.maxArgs() < 0) {
      if (numIn < fn.minArgs()) {
        errorf(
            "wrong number of args for "
                + name
                + ": want at least "
                + fn.minArgs()
                + " got "
                + argNodes.size());
      }
    } else if (numIn < fn.minArgs() || numIn > fn.maxArgs()) {
      int want = numIn > fn.maxArgs() ? fn.maxArgs() : fn.minArgs();
      errorf("wrong number of args for " + name + ": want " + want + " got " + numIn);
    }
    if (fn == Builtins.AND || fn == Builtins.OR) {
      boolean or = fn == Builtins.OR;
      Object v = null;
      for (Node arg : argNodes) {
        v = asArg(evalOperand(dot, arg));
        if (GoValues.isTrue(v) == or) {
          return v;
        }
      }
      return fin != NO_FINAL ? asArg(fin) : v;
    }
    List<Object> argv = new ArrayList<>(numIn);
    for (int i = 0; i < argNodes.size(); i++) {
      argv.add(typedArg(dot, argNodes.get(i), ArgumentTypes.at(fn, i)));
    }
    if (fin != NO_FINAL) {
      String type = ArgumentTypes.at(fn, numIn - 1);
      if (type != null) {
        checkValue(type, fin);
      }
      argv.add(asArg(fin));
    }
    Object result;
    try {
      result = fn.call(argv);
    } catch (ExecError e) {
      throw e;
    } catch (RuntimeException e) {
      node = cmd;
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw errorf("error calling " + name + ": " + message);
    }
    if (result instanceof String s && s.length() > Template.MAX_STRING_CHARS) {
      node = cmd;
      throw errorf(
          "error calling "
              + name
              + ": the result is longer than "
              + Template.MAX_STRING_CHARS
              + " characters, the limit of a template value");
    }
    return result;
  }

  /** Evaluates an argument for a parameter of Go type {@code type} (null: untyped). */
  private Object typedArg(Object dot, Node n, String type) {
    node = n;
    if (n instanceof NilNode) {
      if (type != null) {
        errorf("cannot assign nil to " + type);
      }
      return null;
    }
    Object v = evalOperand(dot, n);
    if (type == null) {
      return asArg(v);
    }
    node = n;
    if (n instanceof BoolNode || n instanceof NumberNode || n instanceof StringNode) {
      try {
        return ArgumentTypes.literal(type, n, v);
      } catch (GoError e) {
        throw errorf(e.getMessage());
      }
    }
    checkValue(type, v);
    return v;
  }

  private void checkValue(String type, Object v) {
    try {
      ArgumentTypes.value(type, v, v == MISSING);
    } catch (GoError e) {
      throw errorf(e.getMessage());
    }
  }

  private static Object asArg(Object v) {
    return v == MISSING ? null : v;
  }

  /** Evaluates an argument the way Go evaluates one for an interface{} parameter. */
  private Object evalOperand(Object dot, Node n) {
    node = n;
    Object v;
    if (n instanceof NilNode) {
      return null;
    } else if (n instanceof FieldNode f) {
      v = evalFieldChain(dot, dot, f.ident(), List.of(n), NO_FINAL, dotIface);
    } else if (n instanceof VariableNode var) {
      v = evalVariable(dot, var, null, NO_FINAL);
    } else if (n instanceof PipeNode p) {
      v = evalPipeline(dot, p);
    } else if (n instanceof IdentifierNode id) {
      v = evalFunction(dot, id, id, null, NO_FINAL);
    } else if (n instanceof ChainNode c) {
      v = evalChain(dot, c, null, NO_FINAL);
    } else {
      v = evalConstant(dot, n);
    }
    return v;
  }
}
