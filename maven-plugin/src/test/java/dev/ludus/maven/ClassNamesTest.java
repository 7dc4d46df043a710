package dev.ludus.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassNamesTest {
    @Test
    void namesFollowTheRelativePath() {
        assertEquals("ludus.M_app", ClassNames.forSource("ludus", "app.ld"));
        assertEquals("com.example.util.M_text", ClassNames.forSource("com.example", "util/text.ld"));
        assertEquals("ludus.M_text$002dio", ClassNames.forSource("ludus", "text-io.ld"));
        assertEquals("ludus/a/M_b.class", ClassNames.classFile("ludus.a.M_b"));
    }

    @Test
    void distinctPathsGiveDistinctNames() {
        // each pair would collide under a plain "replace odd characters by _" scheme
        List<String> paths = List.of("a-b.ld", "a_b.ld", "a.b.ld", "a/b.ld", "a_b/x.ld", "a-b/x.ld", "A_b.ld",
                "x$0041.ld", "xA.ld", "über.ld", "M_app.ld", "app.ld", "M_app/app.ld");
        Set<String> names = new HashSet<>();
        for (String p : paths) assertTrue(names.add(ClassNames.forSource("ludus", p)), p);
    }

    @Test
    void externalModulesAreNamedApartFromSources() {
        String ext = ClassNames.forExternal("ludus", Path.of("/elsewhere/lib.ld"));
        assertTrue(ext.startsWith("ludus.$ext.M_lib_"), ext);
        assertNotEquals(ext, ClassNames.forExternal("ludus", Path.of("/other/lib.ld")));
        // a source directory named "$ext" escapes its '$'
        assertEquals("ludus.$0024ext.M_lib", ClassNames.forSource("ludus", "$ext/lib.ld"));
    }

    @Test
    void prefixMustBeAPackageName() {
        assertEquals("a.b_c", ClassNames.checkPrefix("a.b_c"));
        for (String bad : new String[] {"", "a..b", "1a", "a-b", ".a", "a."}) {
            assertThrows(IllegalArgumentException.class, () -> ClassNames.checkPrefix(bad), bad);
        }
    }
}
