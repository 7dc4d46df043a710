package dev.ludus.compiler.syntax;

import java.util.List;

/**
 * The Ludus abstract syntax tree: immutable records, each carrying its source span.
 * Only the spec's sugar is removed: dict/ns word shorthand becomes a key/value pair,
 * {@code box}/{@code pkg} become {@code ref}/{@code ns} (with a flag for display).
 * Forms that the spec allows only at top level (import, ns, use, test) are ordinary
 * expressions here; the resolver reports them when misplaced.
 */
public final class Ast {
    private Ast() {}

    public sealed interface Node permits Expr, Pattern, Clause, WhenClause, DictPair, Script {
        Span span();
    }

    /** A whole file. */
    public record Script(Span span, List<Expr> body) implements Node {}

    public sealed interface Expr extends Node {}

    // ---- literals and names
    public record Nil(Span span) implements Expr {}
    public record Bool(Span span, boolean value) implements Expr {}
    /** text is the literal as written (for diagnostics); value has the separators removed. */
    public record Num(Span span, double value, String text) implements Expr {}
    /** A string without interpolation; value has its escapes processed. */
    public record Str(Span span, String value) implements Expr {}
    /** A string with at least one {name}: texts.size() == names.size() + 1, texts interleave names. */
    public record InterpStr(Span span, List<String> texts, List<Word> names) implements Expr {}
    /** name is the keyword without its ':' (also for KwTerm, DictPair/PDictPair keys and PTyped types). */
    public record Kw(Span span, String name) implements Expr {}
    /** A word used as an expression (a name use). */
    public record Word(Span span, String name) implements Expr {}

    // ---- collections. Splat and Placeholder are Exprs only so that lists can hold them:
    // Splat appears only in ListLit/SetLit items and DictLit; Placeholder in Args and, so that the
    // resolver can report "_ is only allowed in function arguments", in TupleLit (also loop/recur tuples).
    public record TupleLit(Span span, List<Expr> items) implements Expr {}
    public record ListLit(Span span, List<Expr> items) implements Expr {}
    public record SetLit(Span span, List<Expr> items) implements Expr {}
    /** items are DictPair or Splat. */
    public record DictLit(Span span, List<Node> items) implements Expr {}
    /** {@code ...name} in a collection literal; span covers the "..." and the name. */
    public record Splat(Span span, Word name) implements Expr {}
    /** {@code _} in an argument list. */
    public record Placeholder(Span span) implements Expr {}
    /** {@code :key value} in a dict literal or ns; shorthand {@code word} has value = Word. */
    public record DictPair(Span span, String key, Expr value, boolean shorthand) implements Node {}

    // ---- synthetic expressions: root (Word or Kw) followed by terms
    public record Synthetic(Span span, Expr root, List<Term> terms) implements Expr {}
    public sealed interface Term permits Args, KwTerm {
        Span span();
    }
    /** An argument tuple; an element may be a Placeholder (partial application). */
    public record Args(Span span, List<Expr> args) implements Term {}
    public record KwTerm(Span span, String name) implements Term {}

    // ---- binding forms
    public record Let(Span span, Pattern pattern, Expr value) implements Expr {}
    /** ref/box: nameSpan points at the name; box records the keyword used. */
    public record RefDecl(Span span, String name, Span nameSpan, Expr value, boolean box) implements Expr {}
    /**
     * A function: named (name != null) or lambda (name == null). span starts at the {@code fn}
     * token (the site of "no match" panics); doc may be null.
     */
    public record FnDef(Span span, String name, Span nameSpan, String doc, List<Clause> clauses) implements Expr {
        public boolean isLambda() { return name == null; }
    }
    /** Forward declaration {@code fn name}. */
    public record FnDecl(Span span, String name, Span nameSpan) implements Expr {}
    /**
     * A clause of fn, loop or match. For fn and loop the pattern is a PTuple (the argument
     * tuple). guard may be null.
     */
    public record Clause(Span span, Pattern pattern, Expr guard, Expr body) implements Node {}

    // ---- control
    public record If(Span span, Expr cond, Expr then, Expr otherwise) implements Expr {}
    public record IfLet(Span span, Pattern pattern, Expr value, Expr then, Expr otherwise) implements Expr {}
    public record When(Span span, List<WhenClause> clauses) implements Expr {}
    /** test == null for {@code _} or {@code else}. */
    public record WhenClause(Span span, Expr test, Expr body) implements Node {}
    public record Match(Span span, Expr scrutinee, List<Clause> clauses) implements Expr {}
    /** {@code receive { clauses }} (spec §16): the clauses are tried against each mailbox message, oldest first. */
    public record Receive(Span span, List<Clause> clauses) implements Expr {}
    public record Loop(Span span, TupleLit init, List<Clause> clauses) implements Expr {}
    public record Recur(Span span, TupleLit args) implements Expr {}
    /** count is a Word or a Num. */
    public record Repeat(Span span, Expr count, Block body) implements Expr {}
    /** stages.get(0) is the initial value; the rest are the stages after each {@code >}. */
    public record Do(Span span, List<Expr> stages) implements Expr {}
    public record Block(Span span, List<Expr> body) implements Expr {}
    /** The {@code panic! expr} form (not the call). */
    public record PanicForm(Span span, Expr value) implements Expr {}

    // ---- toplevel forms
    public record Import(Span span, String path, Span pathSpan, String name, Span nameSpan) implements Expr {}
    /** ns/pkg; entries in source order. */
    public record Ns(Span span, String name, Span nameSpan, List<DictPair> entries, boolean pkg) implements Expr {}
    public record Use(Span span, Word name) implements Expr {}
    public record Test(Span span, String name, Expr body) implements Expr {}

    // ---- patterns
    public sealed interface Pattern extends Node {}
    /** {@code _}, {@code _name} or {@code else}; text is as written. */
    public record PIgnore(Span span, String text) implements Pattern {}
    /** nil, true, false, number, string or keyword literal; literal is the corresponding Expr. */
    public record PConst(Span span, Expr literal) implements Pattern {}
    public record PBind(Span span, String name) implements Pattern {}
    /** {@code name as :type}. */
    public record PTyped(Span span, String name, String type) implements Pattern {}
    /** items may contain PSplat anywhere (the resolver reports a splat that is not last). */
    public record PTuple(Span span, List<Pattern> items) implements Pattern {}
    public record PList(Span span, List<Pattern> items) implements Pattern {}
    /** items are PDictPair or PSplat. */
    public record PDict(Span span, List<Pattern> items) implements Pattern {}
    /**
     * {@code :key pattern}; shorthand {@code word} / {@code word as :t} have shorthand = true and
     * pattern PBind / PTyped.
     */
    public record PDictPair(Span span, String key, Pattern pattern, boolean shorthand) implements Pattern {}
    /** {@code ...}, {@code ...name}, {@code ..._x}, {@code ..._}: name is null unless it binds. text as written after "...". */
    public record PSplat(Span span, String name, String text) implements Pattern {}
}
