package dev.ludus.runtime.prelude;

import dev.ludus.runtime.Panics;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;
import dev.ludus.runtime.value.Ref;
import dev.ludus.runtime.value.Tuple;

/** Prelude §1, §2, §7–§10: types, booleans, strings, refs, results, console. */
final class CoreFns {
    private CoreFns() {}

    static final Keyword OK = Keyword.of("ok");
    static final Keyword ERR = Keyword.of("err");
    static final Keyword NONE = Keyword.of("none");
    private static final Object NIL = Nil.NIL;

    /** The console ref: the lines printed since the start or the last flush!. */
    static final Ref CONSOLE = new Ref("console", LList.EMPTY);

    private static Object bool(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

    /** print!: writes the print forms joined by spaces and records the line in console. */
    static Object print(String line) {
        Console.writeLine(line);
        synchronized (CONSOLE) {
            Object c = CONSOLE.get();
            CONSOLE.set(c instanceof LList l ? l.append(line) : LList.of(line));
        }
        return OK;
    }

    static boolean isResult(Object v, Keyword tag) {
        return v instanceof Tuple t && t.size() == 2 && t.get(0) == tag;
    }

    static String docText(LFn f) {
        LFn t = f.docTarget();
        StringBuilder sb = new StringBuilder(t.name());
        sb.append('\n').append(t.doc() == null ? "" : t.doc());
        for (String p : t.clausePatterns()) sb.append('\n').append(p);
        return sb.toString();
    }

    /**
     * The names this file defines, in prelude order (aliases right after their target). A
     * class of its own so that listing the names does not initialise this one.
     */
    static final class Names {
        static final String[] LIST = {
            "type", "empty?", "eq?", "neq?", "and", "or", "show", "string", "join", "deref", "unbox",
            "make!", "store!", "update!", "panic!", "print!", "report!", "doc!", "prn!", "flush!", "console",
        };
    }

    /** The value of one of {@link Names#LIST}: made on first use, see {@link Prelude}. */
    static Object make(String name) {
        return switch (name) {
            // ---- §1 types and predicates
            case "type" -> new Fn("type", "Returns the type of a value as a keyword, such as :number or :list.", "(x)") {
                @Override public Object call1(Object x) { return Values.type(x); }
            };
            case "empty?" -> new Fn("empty?", "Returns true for an empty list, tuple, set, dict or string; false for anything else.",
                    "([])", "(#{})", "(s as :set)", "(())", "(\"\")", "(_)") {
                @Override public Object call1(Object x) { return bool(Colls.emptyQ(x)); }
            };
            case "eq?" -> new Fn("eq?", "Returns true if all the arguments are equal.", "(x)", "(x, y)", "(x, y, ...zs)") {
                @Override public Object call1(Object x) { return Boolean.TRUE; }
                @Override public Object call2(Object a, Object b) { return Arith.eq(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.eq(a); }
            };
            case "neq?" -> new Fn("neq?", "Returns true unless all the arguments are equal.", "(x)", "(x, y)", "(x, y, ...zs)") {
                @Override public Object call1(Object x) { return Boolean.FALSE; }
                @Override public Object call2(Object a, Object b) { return bool(!Arith.eqZ(a, b)); }
                @Override protected Object variadic(Object[] a) {
                    if (a.length == 0) throw noMatch(a);
                    return bool(Arith.eq(a) == Boolean.FALSE);
                }
            };

            // ---- §2 booleans
            case "and" -> new Fn("and", "Returns true if every argument is truthy, otherwise false.",
                    "()", "(x)", "(x, y)", "(x, y, ...zs)") {
                @Override protected Object variadic(Object[] args) {
                    for (Object a : args) if (!Values.truthy(a)) return Boolean.FALSE;
                    return Boolean.TRUE;
                }
            };
            case "or" -> new Fn("or", "Returns the first truthy argument, or nil if there is none (true when called with no arguments).",
                    "()", "(x)", "(x, y)", "(x, y, ...zs)") {
                @Override protected Object variadic(Object[] args) {
                    if (args.length == 0) return Boolean.TRUE;
                    if (args.length == 1) return bool(Values.truthy(args[0]));
                    for (Object a : args) if (Values.truthy(a)) return a;
                    return NIL;
                }
            };

            // ---- §7 strings
            case "show" -> new Fn("show", "Returns the text Ludus uses to display a value, with strings in quotes.", "(x)") {
                @Override public Object call1(Object x) { return Values.show(x); }
            };
            case "string" -> new Fn("string", "Converts values to a string: a string stays as it is, other values are shown; several arguments are concatenated.",
                    "(x as :string)", "(x)", "(x, ...xs)") {
                @Override public Object call1(Object x) { return Colls.string(x); }
                @Override protected Object variadic(Object[] a) {
                    if (a.length == 0) throw noMatch(a);
                    return Colls.string(a);
                }
            };
            case "join" -> new Fn("join", "Joins a list of strings into one string, with an optional separator between them.",
                    "([])", "(strs as :list)", "(strs as :list, separator as :string)") {
                @Override public Object call1(Object strs) { return Colls.join(strs); }
                @Override public Object call2(Object strs, Object sep) { return Colls.join(strs, sep); }
            };

            // ---- §8 refs
            case "deref" -> new Fn("deref", "Returns the current value of a ref.", "(r as :ref)") {
                @Override public Object call1(Object r) {
                    if (r instanceof Ref ref) return ref.get();
                    throw noMatch(r);
                }
            };
            case "unbox" -> Prelude.builtin("deref");
            case "make!" -> new Fn("make!", "Sets a ref to a new value and returns the value.", "(r as :ref, value)") {
                @Override public Object call2(Object r, Object v) {
                    if (r instanceof Ref ref) return ref.set(v);
                    throw noMatch(r, v);
                }
            };
            case "store!" -> Prelude.builtin("make!");
            case "update!" -> new Fn("update!", "Sets a ref to the result of a function applied to its value; returns the new value.",
                    "(r as :ref, f as :fn)") {
                @Override public Object call2(Object r, Object f) {
                    if (r instanceof Ref ref && f instanceof LFn fn) return ref.set(fn.call1(ref.get()));
                    throw noMatch(r, f);
                }
            };

            // ---- §9 results and errors
            case "panic!" -> new Fn("panic!", "Stops the program with a panic whose message is the arguments, separated by spaces.",
                    "(...args)") {
                @Override protected Object variadic(Object[] args) { throw Panics.panic(Colls.spaced(args)); }
            };

            // ---- §10 console
            case "print!" -> new Fn("print!", "Writes the arguments, separated by spaces, as a line on the console; returns :ok.",
                    "(...args)") {
                @Override protected Object variadic(Object[] args) { return print(Colls.spaced(args)); }
            };
            case "report!" -> new Fn("report!", "Prints a value (after an optional label) and returns the value.",
                    "(x)", "(msg as :string, x)") {
                @Override public Object call1(Object x) { print(Values.printForm(x)); return x; }
                @Override public Object call2(Object msg, Object x) {
                    if (msg instanceof String s) { print(s + Values.show(x)); return x; }
                    throw noMatch(msg, x);
                }
            };
            case "doc!" -> new Fn("doc!", "Prints a function's name, docstring and clause patterns; returns :none for anything that is not a function.",
                    "(f as :fn)", "(_)") {
                @Override public Object call1(Object f) {
                    if (f instanceof LFn fn) return print(docText(fn));
                    return NONE;
                }
            };
            case "prn!" -> new Fn("prn!", "Writes a value's print form as a line, without recording it in the console; returns nil.",
                    "(x)") {
                @Override public Object call1(Object x) { Console.writeLine(Values.printForm(x)); return NIL; }
            };
            case "flush!" -> new Fn("flush!", "Returns the list of console lines and empties the console.", "()") {
                @Override public Object call0() {
                    synchronized (CONSOLE) {
                        Object lines = CONSOLE.get();
                        CONSOLE.set(LList.EMPTY);
                        return lines;
                    }
                }
            };
            case "console" -> CONSOLE;
            default -> null;
        };
    }
}
