package dev.ludus.compiler.syntax;

import static dev.ludus.grammar.Ludus.*;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The parse of a program without syntax errors, by recursive descent over the grammar
 * (grammar/Ludus.g4), building the same {@link Ast} as ANTLR's parse tree through
 * {@link AstBuilder}. Why: in a fresh JVM ANTLR's first parse builds its prediction DFA in
 * interpreted code (15-30 ms for a one-page program, paid by every cold `ludus run`); this one
 * costs ~1-3 ms. It only accepts: at the first token it does not expect it gives up (null), and
 * {@link LudusParser} parses with ANTLR, which finds and reports the syntax error as before.
 * The grammar is LL(1) but for runs of newlines/separators, which are looked past; loops are
 * greedy, as ANTLR's are, except where only a shorter loop lets the rest parse: a `do` whose first
 * expression ends in a `do` gets that one's last stage (ANTLR's full-context prediction does the
 * same). {@code FastParserTest} checks the two parsers agree on every program of the corpora and
 * on mutations of them.
 */
final class FastParser {
    /** Gives up: a token the grammar does not allow here (one shared, stackless instance). */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    // kinds of items in bracketed, separated lists (one parse loop for all of them)
    private static final int ARG = 0, LIST_ITEM = 1, DICT_ITEM = 2, NS_ENTRY = 3, P_ITEM = 4, DP_ITEM = 5,
            EXPR = 6, CLAUSE = 7, MATCH_CLAUSE = 8, WHEN_CLAUSE = 9;

    /** What {@link #type()} answers at and past {@link #limit}: no token type. */
    private static final int STOP = -2;

    private final List<LToken> toks;
    private final TokenValues b;
    private final String file;
    private int pos;
    /** Tokens from here on are out of reach (see the `do` in compound()). */
    private int limit = Integer.MAX_VALUE;

    private FastParser(List<LToken> toks, String file) {
        this.toks = toks;
        this.file = file;
        this.b = new TokenValues(file);
    }

    /** The script, or null if it does not parse (a syntax error: ANTLR's parse reports it). */
    static Ast.Script parse(List<LToken> tokens, String file) {
        try {
            return new FastParser(tokens, file).script();
        } catch (GiveUp g) {
            return null;
        }
    }

    // ---- tokens

    private int type() {
        return pos < limit ? toks.get(pos).getType() : STOP;
    }

    private LToken expect(int type) {
        if (type() != type) throw GIVE_UP;
        return toks.get(pos++);
    }

    /** Skips tokens of the two types; returns how many. */
    private int skip(int a, int c) {
        int n = 0;
        for (int t = type(); t == a || t == c; t = type()) {
            pos++;
            n++;
        }
        return n;
    }

    private Span span(Token t) {
        return ((LToken) t).span(file);
    }

    /** From token {@code start} to the last token taken. */
    private Span span(int start) {
        return toks.get(start).span(file).to(toks.get(pos - 1).span(file));
    }

    // ---- script, expressions

    private Ast.Script script() {
        skip(NL, SEMI);
        List<Ast.Expr> body = new ArrayList<>();
        if (type() != EOF) {
            body.add(expression());
            while (true) {
                int seps = skip(NL, SEMI);
                if (type() == EOF) break;
                if (seps == 0) throw GIVE_UP;
                body.add(expression());
            }
        }
        LToken eof = expect(EOF);
        return new Ast.Script(new Span(file, 1, 1, eof.endLine, eof.col), List.copyOf(body));
    }

    private Ast.Expr expression() {
        switch (type()) {
            case LET:
                return let();
            case REF: case BOX:
                return ref();
            case FN:
                return fnAny();
            default:
                return compoundStart(type()) ? compound() : simpleNoFn();
        }
    }

    private Ast.Expr nonBinding() {
        return compoundStart(type()) ? compound() : simple();
    }

    private Ast.Expr simple() {
        return type() == FN ? lambda() : simpleNoFn();
    }

    private static boolean compoundStart(int t) {
        return t == IF || t == WHEN || t == MATCH || t == RECEIVE || t == LOOP || t == DO || t == LBRACE
                || t == REPEAT || t == PANIC;
    }

    private Ast.Expr simpleNoFn() {
        int start = pos;
        LToken t = toks.get(pos);
        switch (type()) {
            case NIL: case TRUE: case FALSE: case NUMBER: case STRING:
                pos++;
                return b.literal(t);
            case LPAREN:
                return tuple();
            case LBRACK: {
                pos++;
                List<Ast.Expr> items = exprItems(RBRACK, LIST_ITEM); // before the span: it ends at the bracket
                return new Ast.ListLit(span(start), items);
            }
            case SETOPEN: {
                pos++;
                List<Ast.Expr> items = exprItems(RBRACE, LIST_ITEM);
                return new Ast.SetLit(span(start), items);
            }
            case DICTOPEN: {
                pos++;
                List<Ast.Node> items = new ArrayList<>();
                commaItems(RBRACE, DICT_ITEM, items);
                return new Ast.DictLit(span(start), List.copyOf(items));
            }
            case WORD: case KEYWORD:
                return synthetic();
            case RECUR:
                pos++;
                Ast.TupleLit args = tuple();
                return new Ast.Recur(span(start), args);
            case IMPORT: case NS: case PKG: case USE: case TEST:
                return toplevelForm();
            default:
                throw GIVE_UP;
        }
    }

    private Ast.Expr compound() {
        int start = pos;
        switch (type()) {
            case IF:
                return ifExpr();
            case WHEN: {
                pos++;
                List<Ast.WhenClause> clauses = braced(WHEN_CLAUSE);
                return new Ast.When(span(start), clauses);
            }
            case MATCH: {
                pos++;
                Ast.Expr scrutinee = simple();
                skip(NL, NL);
                expect(WITH);
                List<Ast.Clause> clauses = braced(MATCH_CLAUSE);
                return new Ast.Match(span(start), scrutinee, clauses);
            }
            case RECEIVE: {
                pos++;
                List<Ast.Clause> clauses = braced(MATCH_CLAUSE);
                return new Ast.Receive(span(start), clauses);
            }
            case LOOP: {
                pos++;
                Ast.TupleLit init = tuple();
                expect(WITH);
                List<Ast.Clause> clauses = type() == LBRACE ? braced(CLAUSE) : List.of(clause());
                return new Ast.Loop(span(start), init, clauses);
            }
            case DO: {
                pos++;
                List<Ast.Expr> stages = new ArrayList<>();
                int first = pos;
                stages.add(expression());
                if (!nextIsStage()) {
                    // The first expression ends in a `do` that took every stage (`do do a > b > c`):
                    // as in ANTLR's parse, it leaves its last stage to this one. Parse it again
                    // with the last `>` out of reach; the `do` in it stops before that `>`.
                    int gt = lastGt(first, pos);
                    if (gt < 0) throw GIVE_UP;
                    int outer = limit;
                    limit = gt;
                    pos = first;
                    stages.set(0, expression());
                    limit = outer;
                    if (!nextIsStage()) throw GIVE_UP;
                }
                while (nextIsStage()) { // ( NL* GT NL* expression )+
                    skip(NL, NL);
                    pos++; // GT
                    skip(NL, NL);
                    stages.add(expression());
                }
                return new Ast.Do(span(start), List.copyOf(stages));
            }
            case LBRACE:
                return block();
            case REPEAT: {
                pos++;
                LToken t = toks.get(pos);
                Ast.Expr count;
                if (type() == WORD) count = new Ast.Word(span(t), t.getText());
                else if (type() == NUMBER) count = b.number(t);
                else throw GIVE_UP;
                pos++;
                Ast.Block body = block();
                return new Ast.Repeat(span(start), count, body);
            }
            default: { // PANIC
                pos++;
                Ast.Expr value = nonBinding();
                return new Ast.PanicForm(span(start), value);
            }
        }
    }

    /** The last `>` in tokens [from, to) outside brackets closed before {@code to}, or -1. */
    private int lastGt(int from, int to) {
        int depth = 0;
        for (int i = to - 1; i > from; i--) {
            int t = toks.get(i).getType();
            if (t == RPAREN || t == RBRACK || t == RBRACE) depth++;
            else if (t == LPAREN || t == LBRACK || t == LBRACE || t == SETOPEN || t == DICTOPEN) depth--;
            else if (t == GT && depth == 0) return i;
        }
        return -1;
    }

    /** Whether NL* GT comes next (a `do`'s next stage); takes nothing. */
    private boolean nextIsStage() {
        int save = pos;
        skip(NL, NL);
        boolean gt = type() == GT;
        pos = save;
        return gt;
    }

    private Ast.Block block() {
        int start = pos;
        List<Ast.Expr> body = braced(EXPR);
        return new Ast.Block(span(start), body);
    }

    // ---- binding forms

    private Ast.Let let() {
        int start = pos;
        pos++; // LET
        Ast.Pattern p = pattern();
        expect(EQ);
        skip(NL, NL);
        Ast.Expr value = nonBinding();
        return new Ast.Let(span(start), p, value);
    }

    private Ast.RefDecl ref() {
        int start = pos;
        boolean box = type() == BOX;
        pos++;
        LToken name = expect(WORD);
        expect(EQ);
        skip(NL, NL);
        Ast.Expr value = nonBinding();
        return new Ast.RefDecl(span(start), name.getText(), span(name), value, box);
    }

    private Ast.Expr fnAny() {
        int start = pos;
        pos++; // FN
        if (type() != WORD) return lambdaClause(start);
        LToken name = toks.get(pos++);
        if (type() == LPAREN) {
            Ast.Clause c = clause();
            return new Ast.FnDef(span(start), name.getText(), span(name), null, List.of(c));
        }
        if (type() != LBRACE) return new Ast.FnDecl(span(start), name.getText(), span(name));
        pos++; // fnBody: LBRACE ( NL* STRING (NL | SEMI)* | (NL | SEMI)* ) clause ...
        skip(NL, NL);
        String doc = null;
        if (type() == STRING) doc = b.docstring(toks.get(pos++));
        List<Ast.Clause> clauses = new ArrayList<>();
        items(RBRACE, SEMI, false, CLAUSE, clauses);
        return new Ast.FnDef(span(start), name.getText(), span(name), doc, List.copyOf(clauses));
    }

    private Ast.FnDef lambda() {
        int start = pos;
        pos++; // FN
        return lambdaClause(start);
    }

    /** A lambda's one clause, its FN (at start) taken. */
    private Ast.FnDef lambdaClause(int start) {
        Ast.Clause c = clause();
        return new Ast.FnDef(span(start), null, null, null, List.of(c));
    }

    private Ast.Clause clause() {
        int start = pos;
        Ast.PTuple p = tuplePattern();
        return clauseRest(start, p);
    }

    /** guard? ARROW expression, after the clause's pattern. */
    private Ast.Clause clauseRest(int start, Ast.Pattern p) {
        Ast.Expr guard = null;
        if (type() == IF) {
            pos++;
            guard = simple();
        }
        expect(ARROW);
        Ast.Expr body = expression();
        return new Ast.Clause(span(start), p, guard, body);
    }

    private Ast.Expr ifExpr() {
        int start = pos;
        pos++; // IF
        skip(NL, NL);
        Ast.Pattern p = null;
        Ast.Expr value;
        if (type() == LET) {
            pos++;
            p = pattern();
            expect(EQ);
            skip(NL, NL);
            value = nonBinding();
        } else {
            value = simple();
        }
        skip(NL, NL);
        expect(THEN);
        Ast.Expr then = expression();
        skip(NL, NL);
        expect(ELSE);
        Ast.Expr otherwise = expression();
        return p != null ? new Ast.IfLet(span(start), p, value, then, otherwise)
                : new Ast.If(span(start), value, then, otherwise);
    }

    // ---- synthetic expressions, collections, toplevel forms

    private Ast.Expr synthetic() {
        int start = pos;
        LToken r = toks.get(pos++);
        Ast.Expr root = r.getType() == WORD ? new Ast.Word(span(r), r.getText()) : new Ast.Kw(span(r), TokenValues.keywordName(r));
        List<Ast.Term> terms = null;
        while (true) {
            int t = type();
            if (t == LPAREN) {
                int s = pos++;
                List<Ast.Expr> args = exprItems(RPAREN, ARG);
                if (terms == null) terms = new ArrayList<>();
                terms.add(new Ast.Args(span(s), args));
            } else if (t == KEYWORD) {
                LToken k = toks.get(pos++);
                if (terms == null) terms = new ArrayList<>();
                terms.add(new Ast.KwTerm(span(k), TokenValues.keywordName(k)));
            } else {
                break;
            }
        }
        return terms == null ? root : new Ast.Synthetic(span(start), root, List.copyOf(terms));
    }

    private Ast.TupleLit tuple() {
        int start = pos;
        expect(LPAREN);
        List<Ast.Expr> items = exprItems(RPAREN, ARG);
        return new Ast.TupleLit(span(start), items);
    }

    private List<Ast.Expr> exprItems(int close, int kind) {
        List<Ast.Expr> out = new ArrayList<>();
        commaItems(close, kind, out);
        return List.copyOf(out);
    }

    private Ast.Expr toplevelForm() {
        int start = pos;
        switch (type()) {
            case IMPORT: {
                pos++;
                LToken path = expect(STRING);
                expect(AS);
                LToken name = expect(WORD);
                return new Ast.Import(span(start), b.stringText(path), span(path), name.getText(), span(name));
            }
            case NS: case PKG: {
                boolean pkg = type() == PKG;
                pos++;
                LToken name = expect(WORD);
                expect(LBRACE);
                List<Ast.DictPair> entries = new ArrayList<>();
                commaItems(RBRACE, NS_ENTRY, entries);
                return new Ast.Ns(span(start), name.getText(), span(name), List.copyOf(entries), pkg);
            }
            case USE: {
                pos++;
                LToken w = expect(WORD);
                return new Ast.Use(span(start), new Ast.Word(span(w), w.getText()));
            }
            default: { // TEST
                pos++;
                LToken s = expect(STRING);
                Ast.Expr body = nonBinding();
                return new Ast.Test(span(start), b.stringText(s), body);
            }
        }
    }

    // ---- patterns

    private Ast.Pattern pattern() {
        int start = pos;
        LToken t = toks.get(pos);
        switch (type()) {
            case PLACEHOLDER: case IGNORED: case ELSE:
                pos++;
                return new Ast.PIgnore(span(t), t.getText());
            case NIL: case TRUE: case FALSE: case NUMBER: case STRING: case KEYWORD:
                pos++;
                return new Ast.PConst(span(t), b.patternLiteral(t));
            case WORD:
                pos++;
                if (type() != AS) return new Ast.PBind(span(t), t.getText());
                pos++;
                LToken k = expect(KEYWORD);
                return new Ast.PTyped(span(start), t.getText(), TokenValues.keywordName(k));
            case LPAREN:
                return tuplePattern();
            case LBRACK: {
                pos++;
                List<Ast.Pattern> items = new ArrayList<>();
                commaItems(RBRACK, P_ITEM, items);
                return new Ast.PList(span(start), List.copyOf(items));
            }
            case DICTOPEN: {
                pos++;
                List<Ast.Pattern> items = new ArrayList<>();
                commaItems(RBRACE, DP_ITEM, items);
                return new Ast.PDict(span(start), List.copyOf(items));
            }
            default:
                throw GIVE_UP;
        }
    }

    private Ast.PTuple tuplePattern() {
        int start = pos;
        expect(LPAREN);
        List<Ast.Pattern> items = new ArrayList<>();
        commaItems(RPAREN, P_ITEM, items);
        return new Ast.PTuple(span(start), List.copyOf(items));
    }

    private Ast.PSplat splat() {
        int start = pos;
        pos++; // ELLIPSIS
        int t = type();
        if (t != WORD && t != IGNORED && t != PLACEHOLDER) return new Ast.PSplat(span(start), null, "");
        LToken name = toks.get(pos++);
        return new Ast.PSplat(span(start), t == WORD ? name.getText() : null, name.getText());
    }

    // ---- lists of items

    /**
     * {@code (S)* item ( (S)+ item )* (S)* close}, the opening token already taken, S being NL
     * or sep; with {@code empty}, {@code (S)* close} too (no item).
     */
    @SuppressWarnings("unchecked")
    private void items(int close, int sep, boolean empty, int kind, List<?> out) {
        skip(NL, sep);
        if (!empty || type() != close) {
            ((List<Object>) out).add(item(kind));
            while (true) {
                int seps = skip(NL, sep);
                if (type() == close) break;
                if (seps == 0) throw GIVE_UP;
                ((List<Object>) out).add(item(kind));
            }
        }
        pos++; // close
    }

    /** A comma list: {@link #items} of kind separated by NL or COMMA, maybe none. */
    private void commaItems(int close, int kind, List<?> out) {
        items(close, COMMA, true, kind, out);
    }

    /** LBRACE, then items of kind separated by NL or SEMI, at least one: an unmodifiable list. */
    @SuppressWarnings("unchecked")
    private <T> List<T> braced(int kind) {
        expect(LBRACE);
        List<Object> out = new ArrayList<>();
        items(RBRACE, SEMI, false, kind, out);
        return (List<T>) List.copyOf(out);
    }

    private Object item(int kind) {
        int start = pos;
        int t = type();
        switch (kind) {
            case ARG:
                if (t != PLACEHOLDER) return nonBinding();
                pos++;
                return new Ast.Placeholder(span(start));
            case LIST_ITEM:
                if (t != ELLIPSIS) return nonBinding();
                pos++;
                return splatWord(start);
            case DICT_ITEM:
                if (t == ELLIPSIS) {
                    pos++;
                    return splatWord(start);
                }
                return pair(start, t);
            case NS_ENTRY:
                return pair(start, t);
            case P_ITEM:
                return t == ELLIPSIS ? splat() : pattern();
            case DP_ITEM:
                return dpItem(start, t);
            case EXPR:
                return expression();
            case CLAUSE:
                return clause();
            case MATCH_CLAUSE:
                return clauseRest(start, pattern());
            default: { // WHEN_CLAUSE
                Ast.Expr test = null;
                if (t == PLACEHOLDER || t == ELSE) pos++;
                else test = simple();
                expect(ARROW);
                Ast.Expr body = expression();
                return new Ast.WhenClause(span(start), test, body);
            }
        }
    }

    private Ast.Splat splatWord(int start) {
        LToken w = expect(WORD);
        return new Ast.Splat(span(start), new Ast.Word(span(w), w.getText()));
    }

    /** {@code KEYWORD nonBinding} or the shorthand {@code WORD} (dict items, ns entries). */
    private Ast.DictPair pair(int start, int t) {
        if (t == KEYWORD) {
            LToken k = toks.get(pos++);
            Ast.Expr value = nonBinding();
            return new Ast.DictPair(span(start), TokenValues.keywordName(k), value, false);
        }
        LToken w = expect(WORD);
        return new Ast.DictPair(span(start), w.getText(), new Ast.Word(span(w), w.getText()), true);
    }

    private Ast.Pattern dpItem(int start, int t) {
        if (t == ELLIPSIS) return splat();
        if (t == KEYWORD) {
            LToken k = toks.get(pos++);
            Ast.Pattern p = pattern();
            return new Ast.PDictPair(span(start), TokenValues.keywordName(k), p, false);
        }
        LToken w = expect(WORD);
        String name = w.getText();
        Ast.Pattern p;
        if (type() == AS) {
            pos++;
            LToken k = expect(KEYWORD);
            p = new Ast.PTyped(span(start), name, TokenValues.keywordName(k));
        } else {
            p = new Ast.PBind(span(start), name);
        }
        return new Ast.PDictPair(span(start), name, p, true);
    }
}
