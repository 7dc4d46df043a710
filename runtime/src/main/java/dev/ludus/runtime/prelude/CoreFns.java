package dev.ludus.runtime.prelude;

import static dev.ludus.runtime.prelude.Arith.noMatch;
import static dev.ludus.runtime.prelude.MathFns.put;

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
import java.util.Map;
import java.util.function.Predicate;

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

    private static void pred(Map<String, Object> m, String name, String doc, Predicate<Object> p, String... patterns) {
        put(m, new Fn(name, doc, patterns.length == 0 ? new String[] {"(x)"} : patterns)
                .on1(x -> bool(p.test(x))));
    }

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

    static void install(Map<String, Object> m) {
        // ---- §1 types and predicates
        put(m, new Fn("type", "Returns the type of a value as a keyword, such as :number or :list.", "(x)")
                .on1(Values::type));
        pred(m, "empty?", "Returns true for an empty list, tuple, set, dict or string; false for anything else.",
                Colls::emptyQ, "([])", "(#{})", "(s as :set)", "(())", "(\"\")", "(_)");
        put(m, new Fn("eq?", "Returns true if all the arguments are equal.", "(x)", "(x, y)", "(x, y, ...zs)")
                .on1(x -> Boolean.TRUE).on2(Arith::eq).onN(Arith::eq));
        put(m, new Fn("neq?", "Returns true unless all the arguments are equal.", "(x)", "(x, y)", "(x, y, ...zs)")
                .on1(x -> Boolean.FALSE)
                .on2((a, b) -> bool(!Arith.eqZ(a, b)))
                .onN(a -> {
                    if (a.length == 0) throw noMatch("neq?", a);
                    return bool(Arith.eq(a) == Boolean.FALSE);
                }));

        // ---- §2 booleans
        put(m, new Fn("and", "Returns true if every argument is truthy, otherwise false.",
                "()", "(x)", "(x, y)", "(x, y, ...zs)")
                .onN(args -> {
                    for (Object a : args) if (!Values.truthy(a)) return Boolean.FALSE;
                    return Boolean.TRUE;
                }));
        put(m, new Fn("or", "Returns the first truthy argument, or nil if there is none (true when called with no arguments).",
                "()", "(x)", "(x, y)", "(x, y, ...zs)")
                .onN(args -> {
                    if (args.length == 0) return Boolean.TRUE;
                    if (args.length == 1) return bool(Values.truthy(args[0]));
                    for (Object a : args) if (Values.truthy(a)) return a;
                    return NIL;
                }));

        // ---- §7 strings
        put(m, new Fn("show", "Returns the text Ludus uses to display a value, with strings in quotes.", "(x)")
                .on1(Values::show));
        put(m, new Fn("string", "Converts values to a string: a string stays as it is, other values are shown; several arguments are concatenated.",
                "(x as :string)", "(x)", "(x, ...xs)")
                .on1(Colls::string)
                .onN(a -> {
                    if (a.length == 0) throw noMatch("string", a);
                    return Colls.string(a);
                }));
        put(m, new Fn("join", "Joins a list of strings into one string, with an optional separator between them.",
                "([])", "(strs as :list)", "(strs as :list, separator as :string)")
                .on1(Colls::join).on2(Colls::join));

        // ---- §8 refs
        Fn deref = new Fn("deref", "Returns the current value of a ref.", "(r as :ref)");
        deref.on1(r -> {
            if (r instanceof Ref ref) return ref.get();
            throw noMatch("deref", r);
        });
        put(m, deref);
        m.put("unbox", deref);
        Fn make = new Fn("make!", "Sets a ref to a new value and returns the value.", "(r as :ref, value)");
        make.on2((r, v) -> {
            if (r instanceof Ref ref) return ref.set(v);
            throw noMatch("make!", r, v);
        });
        put(m, make);
        m.put("store!", make);
        put(m, new Fn("update!", "Sets a ref to the result of a function applied to its value; returns the new value.",
                "(r as :ref, f as :fn)")
                .on2((r, f) -> {
                    if (r instanceof Ref ref && f instanceof LFn fn) return ref.set(fn.call1(ref.get()));
                    throw noMatch("update!", r, f);
                }));

        // ---- §9 results and errors
        put(m, new Fn("panic!", "Stops the program with a panic whose message is the arguments, separated by spaces.",
                "(...args)")
                .onN(args -> { throw Panics.panic(Colls.spaced(args)); }));

        // ---- §10 console
        put(m, new Fn("print!", "Writes the arguments, separated by spaces, as a line on the console; returns :ok.",
                "(...args)")
                .onN(args -> print(Colls.spaced(args))));
        put(m, new Fn("report!", "Prints a value (after an optional label) and returns the value.",
                "(x)", "(msg as :string, x)")
                .on1(x -> { print(Values.printForm(x)); return x; })
                .on2((msg, x) -> {
                    if (msg instanceof String s) { print(s + Values.show(x)); return x; }
                    throw noMatch("report!", msg, x);
                }));
        put(m, new Fn("doc!", "Prints a function's name, docstring and clause patterns; returns :none for anything that is not a function.",
                "(f as :fn)", "(_)")
                .on1(f -> {
                    if (f instanceof LFn fn) return print(docText(fn));
                    return NONE;
                }));
        put(m, new Fn("prn!", "Writes a value's print form as a line, without recording it in the console; returns nil.",
                "(x)")
                .on1(x -> { Console.writeLine(Values.printForm(x)); return NIL; }));
        put(m, new Fn("flush!", "Returns the list of console lines and empties the console.", "()")
                .on0(() -> {
                    synchronized (CONSOLE) {
                        Object lines = CONSOLE.get();
                        CONSOLE.set(LList.EMPTY);
                        return lines;
                    }
                }));
        m.put("console", CONSOLE);
    }
}
