package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "no match" hint names the clause that came closest and what did not fit it. */
class ClosestClauseTest {
    static final List<String> JOIN = List.of("([])", "(strs as :list)", "(strs as :list, separator as :string)");
    static final List<String> ADD = List.of("()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)", "((x1, y1), (x2, y2))");

    @Test
    void listElements() {
        Object[] args = {LList.of(new Object[] {"hi ", 42.0})};
        assertEquals("join needs a list of strings; element 1 is 42", ClosestClause.hint("join", JOIN, args));
    }

    @Test
    void typedArgument() {
        assertEquals("add needs y to be a number (clause `(x as :number, y as :number)`); argument 1 is \"2\"",
                ClosestClause.hint("add", ADD, new Object[] {1.0, "2"}));
    }

    @Test
    void literalAlternatives() {
        List<String> area = List.of("(:square, side)", "(:circle, r)");
        assertEquals("area takes :square or :circle as argument 0, not :triangle",
                ClosestClause.hint("area", area, new Object[] {Keyword.of("triangle"), 3.0}));
    }

    @Test
    void nothingMoreToSayWhenThePatternsFit() {
        // e.g. a guard failed: the generic hint stays
        assertNull(ClosestClause.hint("f", List.of("(x)"), new Object[] {1.0}));
        assertEquals(List.of("a", "(b, c)", "\"x, y\"", "...zs"), ClosestClause.items("(a, (b, c), \"x, y\", ...zs)"));
    }
}
