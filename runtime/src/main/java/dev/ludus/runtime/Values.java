package dev.ludus.runtime;

import dev.ludus.runtime.value.Keyword;

/**
 * Value semantics shared by compiled code and the prelude: type keywords, truthiness,
 * structural equality and hashing (spec §8), show and print forms (spec §9).
 * STUB API: implementation pending.
 */
public final class Values {
    private Values() {}

    /** The §3 type keyword of v (:nil, :boolean, :number, :keyword, :string, :tuple, :list, :set, :dict, :fn, :ref, :ns). */
    public static Keyword type(Object v) { throw new UnsupportedOperationException(); }
    public static boolean truthy(Object v) { return v != dev.ludus.runtime.value.Nil.NIL && v != Boolean.FALSE; }
    public static boolean eq(Object a, Object b) { throw new UnsupportedOperationException(); }
    /** Consistent with eq: equal values hash the same (0 and -0 too). */
    public static int hash(Object v) { throw new UnsupportedOperationException(); }
    /** §9.1 shown form. */
    public static String show(Object v) { throw new UnsupportedOperationException(); }
    /** §9.2 print form: strings raw, everything else shown. */
    public static String printForm(Object v) { return v instanceof String s ? s : show(v); }
}
