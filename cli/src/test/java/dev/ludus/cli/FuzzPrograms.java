package dev.ludus.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fuzz inputs (issue 12): valid programs generated from the grammar and prelude signatures
 * (with statements in the shapes the optimisations target: FuzzShapes), and mutants of real
 * programs (token and line edits, random bytes, truncation).
 */
final class FuzzPrograms {
    private final SplittableRandom rnd;
    private final List<String> corpus;
    private int depth;

    FuzzPrograms(long seed, List<String> corpus) {
        this.rnd = new SplittableRandom(seed);
        this.corpus = corpus;
        this.shapes = new FuzzShapes(rnd, this::expr, fns, values);
    }

    /** The next program: generated or mutated, half and half. */
    String next() {
        return corpus.isEmpty() || rnd.nextBoolean() ? generate() : mutate(corpus.get(rnd.nextInt(corpus.size())));
    }

    // ---- generator: valid programs over fresh names, with random semantics

    private static final String[] UNARY = {"inc", "dec", "neg", "abs", "count", "first", "rest", "show", "type",
        "list", "set", "keys", "not", "bool", "floor", "sqrt", "even?", "string", "to_number", "int?", "random"};
    private static final String[] BINARY = {"add", "sub", "mult", "div", "mod", "append", "concat", "at", "eq?",
        "lt?", "gt?", "get", "contains?", "pow", "map", "filter", "fold", "foldr", "assoc", "join"};

    private final java.util.List<String> values = new java.util.ArrayList<>();
    private final java.util.List<String> fns = new java.util.ArrayList<>();
    private int fresh;
    /** Statements and expressions in the shapes the optimisations target (for the oracle). */
    private final FuzzShapes shapes;

    String generate() {
        depth = 0;
        values.clear();
        fns.clear();
        shapes.reset();
        StringBuilder b = new StringBuilder();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) b.append(statement()).append('\n');
        return b.toString();
    }

    private String statement() {
        switch (rnd.nextInt(10)) {
            case 0: {
                String e = expr();
                String v = "v" + fresh++;
                values.add(v);
                return "let " + v + " = " + e;
            }
            case 1: {
                String f = "f" + fresh++, p = "p" + fresh++;
                fns.add(f); // recursion allowed: the time limit ends runaways
                values.add(p);
                String body = expr();
                values.remove(p);
                return "fn " + f + " (" + p + ") -> " + body;
            }
            case 2:
                return "print! (" + expr() + ")";
            case 3: {
                String f = "f" + fresh++, p = "p" + fresh++;
                fns.add(f);
                String base = expr();
                values.add(p);
                String body = expr();
                values.remove(p);
                return "fn " + f + " {\n  (0) -> " + base + "\n  (" + p + ") -> " + body + "\n}";
            }
            case 4, 5:
                return expr();
            default:
                return shapes.statement();
        }
    }

    private String expr() {
        if (++depth > 5) {
            depth--;
            return atom();
        }
        String e = switch (rnd.nextInt(16)) {
            case 0, 1, 2 -> atom();
            case 3 -> pick(UNARY) + " (" + expr() + ")";
            case 4, 5 -> pick(BINARY) + " (" + expr() + ", " + expr() + ")";
            case 6 -> "[" + expr() + ", " + expr() + "]";
            case 7 -> "(" + expr() + ", " + expr() + ")";
            case 8 -> "if " + simple() + " then " + expr() + " else " + expr();
            case 9 -> match();
            case 10 -> "loop (" + small() + ", 0) with { (0, acc) -> acc; (n, acc) -> recur (dec (n), add (acc, n)) }";
            case 11 -> {
                String p = "p" + fresh++;
                values.add(p);
                String body = expr();
                values.remove(p);
                yield "fn (" + p + ") -> " + body;
            }
            case 12 -> "do " + expr() + " > " + pick(UNARY);
            case 13 -> fns.isEmpty() ? atom() : pick(fns) + " (" + expr() + ")";
            case 14 -> shapes.expr();
            default -> "#{:k " + expr() + ", :j " + expr() + "}";
        };
        depth--;
        return e;
    }

    /** An if condition or match scrutinee: no compound form at its top (spec §2.2 `simple`). */
    private String simple() {
        return switch (rnd.nextInt(5)) {
            case 0 -> atom();
            case 1 -> pick(UNARY) + " (" + expr() + ")";
            case 2 -> pick(BINARY) + " (" + expr() + ", " + expr() + ")";
            case 3 -> "[" + expr() + "]";
            default -> "(" + expr() + ", " + expr() + ")";
        };
    }

    private String match() {
        String scrutinee = simple();
        String x = "m" + fresh++, y = "m" + fresh++;
        String pattern = switch (rnd.nextInt(6)) {
            case 0 -> x;
            case 1 -> "(" + x + ", _)";
            case 2 -> "[" + x + ", ..." + y + "]";
            case 3 -> x + " as :number";
            case 4 -> small();
            default -> "#{:k " + x + "}";
        };
        values.add(x);
        values.add(y);
        String body = expr();
        values.remove(x);
        values.remove(y);
        if (!pattern.contains(x)) body = mentions(body, x) || mentions(body, y) ? "nil" : body;
        else if (!pattern.contains("..." + y) && mentions(body, y)) body = x;
        return "match " + scrutinee + " with { " + pattern + " -> " + body + "; _ -> " + atom() + " }";
    }

    /** Whether code names name (a whole word). */
    private static boolean mentions(String code, String name) {
        return java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(code).find();
    }

    private String atom() {
        return switch (rnd.nextInt(9)) {
            case 0 -> small();
            case 1 -> Double.toString(Math.round(rnd.nextDouble() * 1000 - 500) / 10.0);
            case 2 -> "\"s" + rnd.nextInt(100) + "\"";
            case 3 -> ":kw" + rnd.nextInt(5);
            case 4 -> "nil";
            case 5 -> rnd.nextBoolean() ? "true" : "false";
            case 6 -> "[]";
            default -> values.isEmpty() ? small() : pick(values);
        };
    }

    private String pick(java.util.List<String> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    private String small() {
        return Integer.toString(rnd.nextInt(12));
    }

    private String pick(String[] xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    // ---- mutator

    private static final String[] TOKENS = {"(", ")", "[", "]", "{", "}", "${", "#{", ",", ";", "\n", "->", ">", "=",
        "...", "_", "fn", "let", "if", "then", "else", "match", "with", "loop", "recur", "do", "ref", "box", "pkg",
        "ns", "use", "import", "test", "panic!", "repeat", "when", "as", ":number", "\"", "&", "1.", "-", "0", "x"};

    String mutate(String program) {
        String p = program;
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits && !p.isEmpty(); i++) {
            int at = rnd.nextInt(p.length() + 1);
            p = switch (rnd.nextInt(7)) {
                case 0 -> p.substring(0, at) + " " + pick(TOKENS) + " " + p.substring(at);         // insert a token
                case 1 -> p.substring(0, at) + p.substring(Math.min(p.length(), at + 1 + rnd.nextInt(8))); // delete
                case 2 -> p.substring(0, at);                                                           // truncate
                case 3 -> p.substring(0, at) + randomBytes() + p.substring(at);                         // bytes
                case 4 -> swapLines(p);
                case 5 -> duplicateLine(p);
                default -> p.substring(0, at) + p.substring(at).replaceFirst("\\d+", Integer.toString(rnd.nextInt(3) - 1));
            };
        }
        return p;
    }

    private String randomBytes() {
        byte[] b = new byte[1 + rnd.nextInt(4)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) rnd.nextInt(256);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private String swapLines(String p) {
        String[] lines = p.split("\n", -1);
        if (lines.length < 2) return p;
        int i = rnd.nextInt(lines.length), j = rnd.nextInt(lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return String.join("\n", lines);
    }

    private String duplicateLine(String p) {
        String[] lines = p.split("\n", -1);
        int i = rnd.nextInt(lines.length);
        return p + "\n" + lines[i];
    }
}
