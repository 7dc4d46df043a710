package dev.ludus.runtime.value;

import java.util.concurrent.ConcurrentHashMap;

/** An interned keyword: two keywords with the same name are the same object (compare with ==). */
public final class Keyword {
    private static final ConcurrentHashMap<String, Keyword> TABLE = new ConcurrentHashMap<>();
    private final String name;
    private final int hash;

    private Keyword(String name) {
        this.name = name;
        this.hash = name.hashCode() * 0x9E3779B9;
    }

    public static Keyword of(String name) {
        Keyword k = TABLE.get(name);
        if (k != null) return k;
        // putIfAbsent rather than computeIfAbsent with a method reference: no lambda to spin at
        // start-up; a racing thread's keyword wins and ours is dropped, so keywords stay unique
        Keyword made = new Keyword(name);
        k = TABLE.putIfAbsent(name, made);
        return k != null ? k : made;
    }

    /** The keywords of names separated by single spaces (constants of compiled code: shapes, a pattern's rest). */
    public static Keyword[] ofNames(String names) {
        String[] parts = names.split(" ");
        Keyword[] ks = new Keyword[parts.length];
        for (int i = 0; i < ks.length; i++) ks[i] = of(parts[i]);
        return ks;
    }

    public String name() { return name; }
    @Override public int hashCode() { return hash; }
    @Override public boolean equals(Object o) { return this == o; }
    @Override public String toString() { return ":" + name; }
}
