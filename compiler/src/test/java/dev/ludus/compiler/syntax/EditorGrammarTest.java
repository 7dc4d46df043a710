package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * editors/ludus.tmLanguage.json (the TextMate grammar for editors): it must be valid JSON, its
 * includes must resolve, its regexes must compile, and its reserved words must be exactly the
 * lexer's (spec §1), so the grammar cannot silently fall behind the language.
 */
class EditorGrammarTest {
    static Map<String, Object> grammar;

    @BeforeAll
    static void load() throws IOException {
        // Maven runs tests in the module directory; an IDE may run them in the repository root.
        Path file = Path.of("..", "editors", "ludus.tmLanguage.json");
        if (!Files.exists(file)) file = Path.of("editors", "ludus.tmLanguage.json");
        assertTrue(Files.exists(file), "editors/ludus.tmLanguage.json not found from " + Path.of("").toAbsolutePath());
        grammar = object(new Json(Files.readString(file, StandardCharsets.UTF_8)).document());
    }

    @Test
    void header() {
        assertEquals("source.ludus", grammar.get("scopeName"));
        assertEquals("Ludus", grammar.get("name"));
        assertEquals(List.of("ld"), grammar.get("fileTypes"));
        assertFalse(list(grammar.get("patterns")).isEmpty());
    }

    @Test
    void reservedWordsAreTheLexers() {
        Map<String, Object> reserved = object(object(grammar.get("repository")).get("reserved"));
        TreeSet<String> words = new TreeSet<>();
        for (Object p : list(reserved.get("patterns"))) {
            String match = (String) object(p).get("match");
            // each is (?<![word chars])(a|b|c)(?![word chars])
            int open = match.indexOf("])(") + 3;
            int close = match.indexOf(")(?!");
            assertTrue(open > 2 && close > open, "unexpected reserved-word pattern " + match);
            for (String w : match.substring(open, close).split("\\|")) {
                assertTrue(words.add(w), "reserved word listed twice: " + w);
            }
        }
        assertEquals(new TreeSet<>(Lexer.RESERVED.keySet()), words);
    }

    @Test
    void includesResolveAndRegexesCompile() {
        Map<String, Object> repository = object(grammar.get("repository"));
        List<String> problems = new ArrayList<>();
        walk(grammar, repository, problems);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void tokensMatchWhatTheLanguageSays() {
        Map<String, Object> repo = object(grammar.get("repository"));
        Pattern keyword = regex(repo, "keyword");
        Pattern number = regex(repo, "number");
        Pattern placeholder = regex(repo, "placeholder");
        Pattern fnName = regex(repo, "fn-name");
        Pattern controlWords = Pattern.compile((String) object(list(object(repo.get("reserved")).get("patterns")).get(1)).get("match"));
        assertTrue(keyword.matcher(":foo/bar?").matches());
        assertFalse(keyword.matcher(":1").matches());
        assertTrue(number.matcher("-1_000.25").matches());
        assertFalse(number.matcher("x1").find());
        assertTrue(placeholder.matcher("_").matches());
        assertFalse(placeholder.matcher("_foo").find());
        assertTrue(controlWords.matcher("if").matches());
        assertFalse(controlWords.matcher("do?").find(), "do? is a word, not the reserved word do");
        assertFalse(controlWords.matcher("iffy").find());
        var m = fnName.matcher("fn add! (x)");
        assertTrue(m.find());
        assertEquals("add!", m.group(2));
        assertFalse(fnName.matcher("fn (x) -> x").find());
        Map<String, Object> string = object(repo.get("string"));
        Pattern interpolation = Pattern.compile((String) object(list(string.get("patterns")).get(1)).get("match"));
        assertTrue(interpolation.matcher("{name}").matches());
        assertFalse(interpolation.matcher("{ name }").matches());
    }

    @Test
    void theJsonReaderRejectsMalformedInput() {
        for (String bad : new String[] {"{", "{\"a\" 1}", "[1,]", "{\"a\": 1,}", "\"unterminated", "[1] 2", "tru", "\"\t\""}) {
            assertThrows(IllegalArgumentException.class, () -> new Json(bad).document(), bad);
        }
        assertEquals(List.of(1.0, "a\"b\u00e9", true, false), new Json("[1, \"a\\\"b\\u00e9\", true, false]").document());
    }

    private static Pattern regex(Map<String, Object> repo, String name) {
        return Pattern.compile((String) object(repo.get(name)).get("match"));
    }

    /** Checks every rule below {@code node}: includes point into the repository, regexes compile. */
    private static void walk(Object node, Map<String, Object> repository, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                Object v = e.getValue();
                String key = (String) e.getKey();
                if (key.equals("include") && v instanceof String inc && inc.startsWith("#")
                        && !repository.containsKey(inc.substring(1))) {
                    problems.add("include of a missing rule: " + inc);
                }
                if ((key.equals("match") || key.equals("begin") || key.equals("end")) && v instanceof String re) {
                    try {
                        Pattern.compile(re);
                    } catch (java.util.regex.PatternSyntaxException ex) {
                        problems.add("bad regex " + re + ": " + ex.getDescription());
                    }
                }
                walk(v, repository, problems);
            }
        } else if (node instanceof List<?> items) {
            for (Object item : items) walk(item, repository, problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        assertNotNull(o);
        assertTrue(o instanceof Map, "expected a JSON object, got " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertTrue(o instanceof List, "expected a JSON array, got " + o);
        return (List<Object>) o;
    }

    /** A small strict JSON reader (RFC 8259): objects, arrays, strings, numbers, true/false/null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) { this.s = s; }

        Object document() {
            Object v = value();
            skip();
            if (i != s.length()) throw error("text after the document");
            return v;
        }

        private Object value() {
            skip();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (c == '-' || (c >= '0' && c <= '9')) return number();
            for (String lit : new String[] {"true", "false", "null"}) {
                if (s.startsWith(lit, i)) {
                    i += lit.length();
                    return lit.equals("null") ? null : Boolean.valueOf(lit);
                }
            }
            throw error("unexpected character '" + c + "'");
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (peek() == '}') { i++; return m; }
            while (true) {
                skip();
                if (peek() != '"') throw error("expected a key");
                String k = string();
                skip();
                expect(':');
                m.put(k, value()); // a repeated key: the later wins, as in JSON.parse
                skip();
                if (peek() == ',') { i++; continue; }
                expect('}');
                return m;
            }
        }

        private List<Object> array() {
            List<Object> a = new ArrayList<>();
            i++;
            skip();
            if (peek() == ']') { i++; return a; }
            while (true) {
                a.add(value());
                skip();
                if (peek() == ',') { i++; continue; }
                expect(']');
                return a;
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("control character in a string");
                if (c != '\\') { b.append(c); continue; }
                if (i >= s.length()) throw error("unterminated escape");
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw error("short \\u escape");
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Double number() {
            int start = i;
            if (peek() == '-') i++;
            if (!Character.isDigit(peek())) throw error("bad number");
            while (Character.isDigit(peek())) i++;
            if (peek() == '.') { i++; if (!Character.isDigit(peek())) throw error("bad number"); while (Character.isDigit(peek())) i++; }
            if (peek() == 'e' || peek() == 'E') {
                i++;
                if (peek() == '+' || peek() == '-') i++;
                if (!Character.isDigit(peek())) throw error("bad number");
                while (Character.isDigit(peek())) i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "'");
            i++;
        }

        private char peek() { return i < s.length() ? s.charAt(i) : '\0'; }

        private void skip() {
            while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + i);
        }
    }
}
