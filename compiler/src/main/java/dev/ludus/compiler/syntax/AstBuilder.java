package dev.ludus.compiler.syntax;

import dev.ludus.grammar.Ludus;
import dev.ludus.grammar.Ludus.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into {@link Ast} records. The parse tree never leaves this
 * package. Spans run from a construct's first token to its last (end exclusive).
 */
final class AstBuilder {
    private final String file;
    private final TokenValues values;

    AstBuilder(String file) {
        this.file = file;
        this.values = new TokenValues(file);
    }

    Ast.Script script(ScriptContext ctx, LToken eof) {
        List<Ast.Expr> body = new ArrayList<>();
        for (ExpressionContext e : ctx.expression()) body.add(expression(e));
        Span span = new Span(file, 1, 1, eof.endLine, eof.col);
        return new Ast.Script(span, List.copyOf(body));
    }

    // ---- spans

    private Span span(Token t) {
        return ((LToken) t).span(file);
    }

    private Span span(ParserRuleContext ctx) {
        return span(ctx.getStart()).to(span(ctx.getStop()));
    }

    private Span span(TerminalNode n) {
        return span(n.getSymbol());
    }

    // ---- expressions

    Ast.Expr expression(ExpressionContext ctx) {
        if (ctx.letExpr() != null) return let(ctx.letExpr());
        if (ctx.refExpr() != null) return ref(ctx.refExpr());
        if (ctx.fnAny() != null) return fnAny(ctx.fnAny());
        if (ctx.simpleNoFn() != null) return simpleNoFn(ctx.simpleNoFn());
        return compound(ctx.compound());
    }

    private Ast.Expr nonBinding(NonBindingContext ctx) {
        return ctx.simple() != null ? simple(ctx.simple()) : compound(ctx.compound());
    }

    private Ast.Expr simple(SimpleContext ctx) {
        return ctx.lambda() != null ? lambda(ctx.lambda()) : simpleNoFn(ctx.simpleNoFn());
    }

    private Ast.Expr simpleNoFn(SimpleNoFnContext ctx) {
        ParseTree c = ctx.getChild(0);
        if (c instanceof LiteralContext l) return values.literal(l.getStart());
        if (c instanceof TupleLitContext t) return tuple(t);
        if (c instanceof ListLitContext l) return new Ast.ListLit(span(l), listItems(l.listItem()));
        if (c instanceof SetLitContext s) return new Ast.SetLit(span(s), listItems(s.listItem()));
        if (c instanceof DictLitContext d) return dict(d);
        if (c instanceof SyntheticContext s) return synthetic(s);
        if (c instanceof RecurCallContext r) return new Ast.Recur(span(r), tuple(r.tupleLit()));
        return toplevelForm(ctx.toplevelForm());
    }

    private Ast.Expr compound(CompoundContext ctx) {
        ParseTree c = ctx.getChild(0);
        if (c instanceof IfExprContext i) return ifExpr(i);
        if (c instanceof WhenExprContext w) return when(w);
        if (c instanceof MatchExprContext m) return match(m);
        if (c instanceof ReceiveExprContext r) return receive(r);
        if (c instanceof LoopExprContext l) return loop(l);
        if (c instanceof DoExprContext d) return doExpr(d);
        if (c instanceof BlockContext b) return block(b);
        if (c instanceof RepeatExprContext r) return repeat(r);
        PanicFormContext p = ctx.panicForm();
        return new Ast.PanicForm(span(p), nonBinding(p.nonBinding()));
    }

    private Ast.Word word(TerminalNode n) {
        return new Ast.Word(span(n), n.getText());
    }

    // ---- binding forms

    private Ast.Let let(LetExprContext ctx) {
        return new Ast.Let(span(ctx), pattern(ctx.pattern()), nonBinding(ctx.nonBinding()));
    }

    private Ast.RefDecl ref(RefExprContext ctx) {
        return new Ast.RefDecl(span(ctx), ctx.WORD().getText(), span(ctx.WORD()), nonBinding(ctx.nonBinding()),
                ctx.BOX() != null);
    }

    private Ast.Expr fnAny(FnAnyContext ctx) {
        TerminalNode name = ctx.WORD();
        if (name == null) return new Ast.FnDef(span(ctx), null, null, null, List.of(clause(ctx.clause())));
        if (ctx.clause() != null) {
            return new Ast.FnDef(span(ctx), name.getText(), span(name), null, List.of(clause(ctx.clause())));
        }
        if (ctx.fnBody() != null) {
            FnBodyContext body = ctx.fnBody();
            String doc = body.STRING() == null ? null : values.docstring(body.STRING().getSymbol());
            List<Ast.Clause> clauses = new ArrayList<>();
            for (ClauseContext c : body.clause()) clauses.add(clause(c));
            return new Ast.FnDef(span(ctx), name.getText(), span(name), doc, List.copyOf(clauses));
        }
        return new Ast.FnDecl(span(ctx), name.getText(), span(name));
    }

    private Ast.FnDef lambda(LambdaContext ctx) {
        return new Ast.FnDef(span(ctx), null, null, null, List.of(clause(ctx.clause())));
    }

    private Ast.Clause clause(ClauseContext ctx) {
        return new Ast.Clause(span(ctx), tuplePattern(ctx.tuplePattern()), guard(ctx.guard()), expression(ctx.expression()));
    }

    private Ast.Expr guard(GuardContext ctx) {
        return ctx == null ? null : simple(ctx.simple());
    }

    // ---- control forms

    private Ast.Expr ifExpr(IfExprContext ctx) {
        Ast.Expr then = expression(ctx.expression(0));
        Ast.Expr otherwise = expression(ctx.expression(1));
        if (ctx.letExpr() != null) {
            LetExprContext l = ctx.letExpr();
            return new Ast.IfLet(span(ctx), pattern(l.pattern()), nonBinding(l.nonBinding()), then, otherwise);
        }
        return new Ast.If(span(ctx), simple(ctx.simple()), then, otherwise);
    }

    private Ast.When when(WhenExprContext ctx) {
        List<Ast.WhenClause> clauses = new ArrayList<>();
        for (WhenClauseContext c : ctx.whenClause()) {
            Ast.Expr test = c.simple() == null ? null : simple(c.simple());
            clauses.add(new Ast.WhenClause(span(c), test, expression(c.expression())));
        }
        return new Ast.When(span(ctx), List.copyOf(clauses));
    }

    private Ast.Match match(MatchExprContext ctx) {
        List<Ast.Clause> clauses = new ArrayList<>();
        for (MatchClauseContext c : ctx.matchClause()) {
            clauses.add(new Ast.Clause(span(c), pattern(c.pattern()), guard(c.guard()), expression(c.expression())));
        }
        return new Ast.Match(span(ctx), simple(ctx.simple()), List.copyOf(clauses));
    }

    private Ast.Receive receive(ReceiveExprContext ctx) {
        List<Ast.Clause> clauses = new ArrayList<>();
        for (MatchClauseContext c : ctx.matchClause()) {
            clauses.add(new Ast.Clause(span(c), pattern(c.pattern()), guard(c.guard()), expression(c.expression())));
        }
        return new Ast.Receive(span(ctx), List.copyOf(clauses));
    }

    private Ast.Loop loop(LoopExprContext ctx) {
        List<Ast.Clause> clauses = new ArrayList<>();
        for (ClauseContext c : ctx.clause()) clauses.add(clause(c));
        return new Ast.Loop(span(ctx), tuple(ctx.tupleLit()), List.copyOf(clauses));
    }

    private Ast.Repeat repeat(RepeatExprContext ctx) {
        Ast.Expr count = ctx.WORD() != null ? word(ctx.WORD()) : values.number(ctx.NUMBER().getSymbol());
        return new Ast.Repeat(span(ctx), count, block(ctx.block()));
    }

    private Ast.Do doExpr(DoExprContext ctx) {
        List<Ast.Expr> stages = new ArrayList<>();
        for (ExpressionContext e : ctx.expression()) stages.add(expression(e));
        return new Ast.Do(span(ctx), List.copyOf(stages));
    }

    private Ast.Block block(BlockContext ctx) {
        List<Ast.Expr> body = new ArrayList<>();
        for (ExpressionContext e : ctx.expression()) body.add(expression(e));
        return new Ast.Block(span(ctx), List.copyOf(body));
    }

    // ---- synthetic expressions and collections

    private Ast.Expr synthetic(SyntheticContext ctx) {
        Token rootToken = ctx.getStart();
        Ast.Expr root = rootToken.getType() == Ludus.WORD
                ? new Ast.Word(span(rootToken), rootToken.getText())
                : new Ast.Kw(span(rootToken), TokenValues.keywordName(rootToken));
        if (ctx.getChildCount() == 1) return root;
        List<Ast.Term> terms = new ArrayList<>();
        for (int i = 1; i < ctx.getChildCount(); i++) {
            ParseTree c = ctx.getChild(i);
            if (c instanceof ArgsContext a) terms.add(new Ast.Args(span(a), args(a.arg())));
            else {
                Token k = ((TerminalNode) c).getSymbol();
                terms.add(new Ast.KwTerm(span(k), TokenValues.keywordName(k)));
            }
        }
        return new Ast.Synthetic(span(ctx), root, List.copyOf(terms));
    }

    private List<Ast.Expr> args(List<ArgContext> args) {
        List<Ast.Expr> out = new ArrayList<>(args.size());
        for (ArgContext a : args) {
            out.add(a.PLACEHOLDER() != null ? new Ast.Placeholder(span(a)) : nonBinding(a.nonBinding()));
        }
        return List.copyOf(out);
    }

    private Ast.TupleLit tuple(TupleLitContext ctx) {
        return new Ast.TupleLit(span(ctx), args(ctx.arg()));
    }

    private List<Ast.Expr> listItems(List<ListItemContext> items) {
        List<Ast.Expr> out = new ArrayList<>(items.size());
        for (ListItemContext i : items) {
            out.add(i.ELLIPSIS() != null ? new Ast.Splat(span(i), word(i.WORD())) : nonBinding(i.nonBinding()));
        }
        return List.copyOf(out);
    }

    private Ast.DictLit dict(DictLitContext ctx) {
        List<Ast.Node> items = new ArrayList<>();
        for (DictItemContext i : ctx.dictItem()) {
            if (i.ELLIPSIS() != null) items.add(new Ast.Splat(span(i), word(i.WORD())));
            else items.add(pair(i, i.KEYWORD(), i.WORD(), i.nonBinding()));
        }
        return new Ast.DictLit(span(ctx), List.copyOf(items));
    }

    /** {@code :key value} or the shorthand {@code word} (= {@code :word word}). */
    private Ast.DictPair pair(ParserRuleContext ctx, TerminalNode key, TerminalNode word, NonBindingContext value) {
        if (key != null) return new Ast.DictPair(span(ctx), TokenValues.keywordName(key.getSymbol()), nonBinding(value), false);
        return new Ast.DictPair(span(ctx), word.getText(), word(word), true);
    }

    // ---- toplevel-only forms

    private Ast.Expr toplevelForm(ToplevelFormContext ctx) {
        ParseTree c = ctx.getChild(0);
        if (c instanceof ImportFormContext i) {
            LToken path = (LToken) i.STRING().getSymbol();
            return new Ast.Import(span(i), values.stringText(path), span(path), i.WORD().getText(), span(i.WORD()));
        }
        if (c instanceof NsFormContext n) {
            List<Ast.DictPair> entries = new ArrayList<>();
            for (NsEntryContext e : n.nsEntry()) entries.add(pair(e, e.KEYWORD(), e.WORD(), e.nonBinding()));
            return new Ast.Ns(span(n), n.WORD().getText(), span(n.WORD()), List.copyOf(entries), n.PKG() != null);
        }
        if (c instanceof UseFormContext u) return new Ast.Use(span(u), word(u.WORD()));
        TestFormContext t = ctx.testForm();
        return new Ast.Test(span(t), values.stringText(t.STRING().getSymbol()), nonBinding(t.nonBinding()));
    }

    // ---- patterns

    private Ast.Pattern pattern(PatternContext ctx) {
        if (ctx.tuplePattern() != null) return tuplePattern(ctx.tuplePattern());
        if (ctx.listPattern() != null) return new Ast.PList(span(ctx), pItems(ctx.listPattern().pItem()));
        if (ctx.dictPattern() != null) return dictPattern(ctx.dictPattern());
        Token t = ctx.getStart();
        Span s = span(ctx);
        return switch (t.getType()) {
            case Ludus.PLACEHOLDER, Ludus.IGNORED, Ludus.ELSE -> new Ast.PIgnore(s, t.getText());
            case Ludus.WORD -> ctx.AS() != null
                    ? new Ast.PTyped(s, t.getText(), TokenValues.keywordName(ctx.KEYWORD().getSymbol()))
                    : new Ast.PBind(s, t.getText());
            default -> new Ast.PConst(s, values.patternLiteral(t));
        };
    }

    private Ast.PTuple tuplePattern(TuplePatternContext ctx) {
        return new Ast.PTuple(span(ctx), pItems(ctx.pItem()));
    }

    private List<Ast.Pattern> pItems(List<PItemContext> items) {
        List<Ast.Pattern> out = new ArrayList<>(items.size());
        for (PItemContext i : items) {
            out.add(i.pattern() != null ? pattern(i.pattern()) : splat(i.splatPattern()));
        }
        return List.copyOf(out);
    }

    private Ast.PSplat splat(SplatPatternContext ctx) {
        if (ctx.getChildCount() == 1) return new Ast.PSplat(span(ctx), null, "");
        Token t = ctx.getStop();
        String name = t.getType() == Ludus.WORD ? t.getText() : null;
        return new Ast.PSplat(span(ctx), name, t.getText());
    }

    private Ast.PDict dictPattern(DictPatternContext ctx) {
        List<Ast.Pattern> items = new ArrayList<>();
        for (DpItemContext i : ctx.dpItem()) {
            Span s = span(i);
            if (i.splatPattern() != null) items.add(splat(i.splatPattern()));
            else if (i.pattern() != null) {
                items.add(new Ast.PDictPair(s, TokenValues.keywordName(i.KEYWORD().getSymbol()), pattern(i.pattern()), false));
            } else {
                String name = i.WORD().getText();
                Ast.Pattern p = i.AS() != null
                        ? new Ast.PTyped(s, name, TokenValues.keywordName(i.KEYWORD().getSymbol()))
                        : new Ast.PBind(s, name);
                items.add(new Ast.PDictPair(s, name, p, true));
            }
        }
        return new Ast.PDict(span(ctx), List.copyOf(items));
    }
}
