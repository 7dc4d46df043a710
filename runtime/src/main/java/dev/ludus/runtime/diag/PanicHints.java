package dev.ludus.runtime.diag;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Ns;
import java.util.ArrayList;
import java.util.List;

/**
 * One-line hints for panics (stderr only; the stdout report keeps the reference's words).
 * Computed when the panic is made, from what is at hand there: only cheap string work.
 */
public final class PanicHints {
    private PanicHints() {}

    /** How many clause patterns a "no match" hint lists. */
    private static final int MAX_PATTERNS = 3;

    /**
     * "pair has clauses for 2 arguments, you gave 3", or, when the count is right, the clauses
     * for that count that the values failed. Null if the clauses are unknown.
     */
    public static String noMatch(String name, Arities arities, String patterns, Object[] args) {
        if (arities == null || arities.isEmpty()) return null;
        String who = ":anon".equals(name) ? "this anonymous fn" : name;
        int n = args.length;
        if (!arities.accepts(n)) {
            return who + " has clauses for " + arities.describe() + ", you gave " + (n == 0 ? "none" : n);
        }
        if (patterns != null && !patterns.isEmpty()) {
            String closest = ClosestClause.hint(who, List.of(patterns.split("\n", -1)), args);
            if (closest != null) return closest;
        }
        List<String> fitting = new ArrayList<>();
        if (patterns != null && !patterns.isEmpty()) {
            for (String p : patterns.split("\n", -1)) {
                Arities a = Arities.fromPatterns(List.of(p));
                if (a == null || a.accepts(n)) fitting.add(p);
            }
        }
        String count = n + (n == 1 ? " argument" : " arguments");
        if (fitting.isEmpty()) return "no clause of " + who + " for " + count + " matches these values";
        StringBuilder shown = new StringBuilder();
        for (String p : fitting.subList(0, Math.min(MAX_PATTERNS, fitting.size()))) {
            shown.append(shown.length() > 0 ? ", `" : "`").append(p).append('`');
        }
        if (fitting.size() > MAX_PATTERNS) shown.append(", ...");
        return "no clause of " + who + " for " + count + " matches these values; "
                + (fitting.size() == 1 ? "its pattern is " : "its patterns are ") + shown;
    }

    /** The hint for a prelude (Java) function or a partial application that got no matching clause. */
    public static String noMatchInPrelude(String name, Object[] args) {
        if (name.endsWith("{partial}")) {
            return "a partial application takes exactly one argument (for its `_`), you gave "
                    + (args.length == 0 ? "none" : args.length);
        }
        try {
            Object f = Prelude.get(name);
            if (!(f instanceof LFn fn)) return null;
            List<String> patterns = fn.clausePatterns();
            return noMatch(name, Arities.fromPatterns(patterns), String.join("\n", patterns), args);
        } catch (RuntimeException | LinkageError e) {
            return null; // the prelude itself is not ready: no hint rather than a second failure
        }
    }

    public static String cannotCall(Object v) {
        return "it is " + withArticle(Values.type(v).name()) + ", not a function; only functions can be called "
                + "(and keywords, with one argument)";
    }

    public static final String KEYWORD_ARITY =
            "a called keyword looks itself up in its one argument, a dict or ns: `:name (person)`";

    /** "did you mean :foo?" or the members the ns has. */
    public static String nsMember(Ns ns, Keyword missing) {
        List<String> names = new ArrayList<>();
        ns.members().forEach((k, v) -> names.add(k.name()));
        String near = Suggest.closest(missing.name(), names);
        if (near != null) return "did you mean `:" + near + "`?";
        if (names.isEmpty()) return "ns " + ns.name() + " has no members";
        StringBuilder b = new StringBuilder("ns " + ns.name() + " has ");
        int shown = Math.min(8, names.size());
        for (int i = 0; i < shown; i++) b.append(i > 0 ? ", `:" : "`:").append(names.get(i)).append('`');
        if (names.size() > shown) b.append(" and ").append(names.size() - shown).append(" more");
        return b.toString();
    }

    public static String unboundLate(String name) {
        return "`" + name + "` is defined further on, but this code ran before its definition did; "
                + "define it before the code that uses it runs";
    }

    public static final String REPEAT = "`repeat` takes a number of times: `repeat 3 { ... }`";

    public static String splat(String into) {
        return switch (into) {
            case "list" -> "only a list or a tuple can be splatted into a list";
            case "set" -> "only a set can be splatted into a set";
            default -> "only a dict can be splatted into a dict";
        };
    }

    /** For "Match Error: No match found" (match) and "Cond Error: No match found" (when). */
    public static String noClause(String message) {
        if (message.startsWith("Cond")) return "no test was truthy; add a last clause `else -> ...` for that case";
        return "no clause matched the value; add a last clause `_ -> ...` for the values the others miss";
    }

    public static final String LOOP =
            "no clause of the loop matches these values; add one for them (or a last clause `_ -> ...`)";

    private static String withArticle(String type) {
        if (type.equals("nil")) return "nil";
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }
}
