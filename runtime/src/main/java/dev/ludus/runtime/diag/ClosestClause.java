package dev.ludus.runtime.diag;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LList;
import java.util.ArrayList;
import java.util.List;

/**
 * The "no match" hint that names the clause which came closest: of the clauses taking that
 * many arguments, the one whose top-level items (read from its pattern text) the arguments
 * fit best, and the first argument that does not fit it ("add needs y to be a number, argument
 * 1 is "2""). When the arguments fit the pattern's types but a list's elements do not (the
 * prelude checks those itself: {@code join} wants strings), the element that is wrong.
 * Null when nothing more precise than the generic hint can be said (e.g. a guard failed).
 */
final class ClosestClause {
    private ClosestClause() {}

    static String hint(String who, List<String> patterns, Object[] args) {
        String best = null;
        int bestScore = -1, bestMiss = -1;
        List<String> bestItems = null;
        for (String p : patterns) {
            List<String> items = items(p);
            if (items == null || !arityFits(items, args.length)) continue;
            // score: arguments that fit an item which constrains them (a bare name fits anything and says nothing)
            int score = 0, miss = -1;
            for (int i = 0; i < args.length && i < items.size(); i++) {
                String item = items.get(i);
                if (item.startsWith("...")) break;
                if (!fits(item, args[i])) {
                    if (miss < 0) miss = i;
                } else if (constrains(item)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = p;
                bestScore = score;
                bestMiss = miss;
                bestItems = items;
            }
        }
        if (best == null) return null;
        if (bestMiss >= 0) {
            String item = bestItems.get(bestMiss);
            if (isLiteral(item)) {
                // clauses told apart by a literal: name them all ("area takes :square or :circle as argument 0")
                java.util.LinkedHashSet<String> alternatives = new java.util.LinkedHashSet<>();
                for (String p : patterns) {
                    List<String> items = items(p);
                    if (items != null && arityFits(items, args.length) && bestMiss < items.size() && isLiteral(items.get(bestMiss))) {
                        alternatives.add(items.get(bestMiss));
                    }
                }
                return who + " takes " + String.join(" or ", alternatives) + " as argument " + bestMiss
                        + ", not " + Values.show(args[bestMiss]);
            }
            String need = need(item);
            if (need == null) return null;
            return who + " needs " + need + " (clause `" + best + "`); argument " + bestMiss + " is " + Values.show(args[bestMiss]);
        }
        // The types fit: the prelude's own checks of list elements, named by its parameter names.
        for (int i = 0; i < args.length && i < bestItems.size(); i++) {
            String elem = elementType(bestItems.get(i));
            if (elem == null || !(args[i] instanceof LList list)) continue;
            for (int j = 0; j < list.size(); j++) {
                if (!Values.type(list.get(j)).name().equals(elem)) {
                    return who + " needs a list of " + elem + "s; element " + j + " is " + Values.show(list.get(j));
                }
            }
        }
        return null;
    }

    /** Parameter names by which prelude clauses say what their list holds. */
    private static String elementType(String item) {
        String name = item.split(" ")[0];
        return switch (name) {
            case "strs" -> "string";
            case "nums", "ns" -> "number";
            default -> null;
        };
    }

    private static boolean arityFits(List<String> items, int n) {
        boolean splat = !items.isEmpty() && items.get(items.size() - 1).startsWith("...");
        return splat ? n >= items.size() - 1 : n == items.size();
    }

    private static boolean constrains(String item) {
        char c = item.charAt(0);
        return item.contains(" as :") || !(Character.isLetter(c) || c == '_');
    }

    /** Whether a value fits one top-level pattern item (by its type or literal; names fit anything). */
    static boolean fits(String item, Object v) {
        int as = item.indexOf(" as :");
        if (as >= 0) return Values.type(v).name().equals(item.substring(as + 5).trim());
        if (item.equals("[]")) return v instanceof LList l && l.size() == 0;
        if (item.startsWith("(")) {
            if (!Values.type(v).name().equals("tuple")) return false;
            List<String> inner = items(item);
            boolean splat = inner != null && !inner.isEmpty() && inner.get(inner.size() - 1).startsWith("...");
            return inner == null || splat || inner.size() == ((dev.ludus.runtime.value.Tuple) v).size();
        }
        if (item.startsWith("[")) return Values.type(v).name().equals("list");
        if (item.startsWith("#{")) return Values.type(v).name().equals("dict");
        if (isLiteral(item)) return Values.show(v).equals(item);
        return true;
    }

    private static boolean isLiteral(String item) {
        return item.startsWith(":") || item.startsWith("\"") || Character.isDigit(item.charAt(0)) || item.startsWith("-")
                || item.equals("nil") || item.equals("true") || item.equals("false");
    }

    /** What an item needs, in words: "x to be a number", "the keyword :plain", or null. */
    private static String need(String item) {
        int as = item.indexOf(" as :");
        if (as >= 0) return item.substring(0, as) + " to be " + article(item.substring(as + 5).trim());
        if (item.equals("[]")) return "an empty list";
        if (item.startsWith("(")) return "a tuple " + item;
        if (item.startsWith("[")) return "a list " + item;
        if (item.startsWith("#{")) return "a dict " + item;
        return item;
    }

    private static String article(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /** The top-level items of a tuple pattern's text, or null if it is not one. */
    static List<String> items(String pattern) {
        String p = pattern.trim();
        if (!p.startsWith("(") || !p.endsWith(")")) return null;
        String inner = p.substring(1, p.length() - 1).trim();
        List<String> out = new ArrayList<>();
        if (inner.isEmpty()) return out;
        int depth = 0, start = 0;
        boolean string = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (string) {
                if (c == '\\') i++;
                else if (c == '"') string = false;
            } else if (c == '"') {
                string = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(inner.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(inner.substring(start).trim());
        return out;
    }
}
