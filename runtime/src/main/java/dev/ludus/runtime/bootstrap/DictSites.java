package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.NumRec;
import dev.ludus.runtime.collection.Rec;
import dev.ludus.runtime.collection.Shape;
import dev.ludus.runtime.prelude.Colls;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * invokedynamic bootstrap for reading a constant keyword out of a dict, with an inline cache
 * on record shapes. Two kinds of site, the keyword a static argument:
 * <ul>
 * <li>{@code lookup (Object v) Object}: {@code v :k} in source, as {@link Invoke#lookup} (nil
 *     when absent or not a dict, panics for a missing ns member, at the site's location, which
 *     follows the key in the static argument: see {@link #bsm_lookup});
 * <li>{@code get (Object d) Object}: a dict pattern's key, d known to be a dict, Java null when
 *     absent (as {@link LDict#get}).
 * <li>{@code assoc (Object d, Object v) Object}: {@code assoc (d, :k, v)}, as the prelude's
 *     (Colls.assoc, its panic included); a record whose shape has k becomes a copy with that
 *     one field replaced (Rec.replacer), the same dict as the generic path gives.
 * <li>{@code update (Object d, Object f) Object}: {@code update (d, :k, f)}, as Colls.update; on a
 *     record whose shape has k, f is called on the field's value and the result replaces it.
 * </ul>
 *
 * <p>Once a site has run {@link #LINK_FROM_CALL} times, each {@link Rec shaped record} it sees
 * links a guarded entry: "is a record of this shape" (one identity test, shapes are interned)
 * then a read of the field holding the key, or the absent result when the shape lacks it,
 * a method handle the JIT inlines whole. Up to {@value #MAX_ENTRIES} shapes per site; then, or
 * for values that are not records, the generic path.
 */
public final class DictSites {
    private DictSites() {}

    static final int MAX_ENTRIES = 4;
    /** As in CallSites: top-level code runs once, so the first call links nothing. */
    static final int LINK_FROM_CALL = 2;

    private static final MethodHandles.Lookup L = MethodHandles.lookup();

    enum Kind { LOOKUP, GET, ASSOC, UPDATE }

    static final class Site extends MutableCallSite {
        final Keyword key;
        final Kind kind;
        /** A lookup site's location, for the panic of a missing ns member (null, 0, 0: none). */
        final String file;
        final int line;
        final int col;
        int calls;
        int entries;

        /** Made with its first target, not its type: see CallSites.Site. */
        private Site(MethodHandle target, Keyword key, Kind kind, String file, int line, int col) {
            super(target);
            this.key = key;
            this.kind = kind;
            this.file = file;
            this.line = line;
            this.col = col;
        }
    }

    /** What entries are built from: made when the first entry is linked, not at start-up. */
    private static final class Parts {
        static final MethodHandle IS_SHAPE;
        static final MethodHandle AT;
        static final MethodHandle APPLY;

        static {
            try {
                IS_SHAPE = L.findStatic(DictSites.class, "isShape",
                        MethodType.methodType(boolean.class, Shape.class, Object.class));
                AT = L.findStatic(DictSites.class, "at", MethodType.methodType(Object.class, int.class, Object.class));
                APPLY = L.findStatic(DictSites.class, "apply", MethodType.methodType(Object.class,
                        Keyword.class, Object.class, Object.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    // The bootstraps below have StringConcatFactory's type (the key is the one static argument):
    // the JDK then invokes them exactly, without spinning an invoker class at a program's first
    // site (see Cancellation.pollSite).

    /**
     * A lookup site: {@code arg} is the key, then (outside the prelude) the site's file, line
     * and column, each after a NUL. The location is a static argument, not the site's
     * arguments: a site typed (Object, String, int, int) spun ~5 LambdaForm classes at its
     * first link (int-typed shapes are not in the JDK's archive), one typed (Object)Object none.
     */
    public static CallSite bsm_lookup(MethodHandles.Lookup lookup, String name, MethodType type, String arg, Object[] none)
            throws ReflectiveOperationException {
        int a = arg.indexOf('\0');
        if (a < 0) return site(type, arg, Kind.LOOKUP, "fallbackLookup", null, 0, 0);
        int b = arg.indexOf('\0', a + 1), c = arg.indexOf('\0', b + 1);
        return site(type, arg.substring(0, a), Kind.LOOKUP, "fallbackLookup", arg.substring(a + 1, b),
                Integer.parseInt(arg.substring(b + 1, c)), Integer.parseInt(arg.substring(c + 1)));
    }

    public static CallSite bsm_get(MethodHandles.Lookup lookup, String name, MethodType type, String key, Object[] none)
            throws ReflectiveOperationException {
        return site(type, key, Kind.GET, "fallbackGet", null, 0, 0);
    }

    public static CallSite bsm_assoc(MethodHandles.Lookup lookup, String name, MethodType type, String key, Object[] none)
            throws ReflectiveOperationException {
        return site(type, key, Kind.ASSOC, "fallbackAssoc", null, 0, 0);
    }

    public static CallSite bsm_update(MethodHandles.Lookup lookup, String name, MethodType type, String key, Object[] none)
            throws ReflectiveOperationException {
        return site(type, key, Kind.UPDATE, "fallbackUpdate", null, 0, 0);
    }

    private static CallSite site(MethodType type, String key, Kind kind, String fallback, String file, int line, int col)
            throws ReflectiveOperationException {
        MethodHandle fb = L.findStatic(DictSites.class, fallback, type.insertParameterTypes(0, SiteRef.class));
        SiteRef<Site> ref = new SiteRef<>();
        Site site = new Site(fb.bindTo(ref), Keyword.of(key), kind, file, line, col);
        ref.site = site;
        return site;
    }

    static boolean isShape(Shape s, Object v) {
        return v instanceof Rec r && r.shape == s;
    }

    static Object at(int i, Object v) {
        return ((Rec) v).at(i);
    }

    private static Object fallbackLookup(SiteRef<Site> ref, Object v) throws ReflectiveOperationException {
        Site site = ref.site;
        link(site, v);
        return Invoke.lookup(v, site.key, site.file, site.line, site.col);
    }

    private static Object fallbackGet(SiteRef<Site> ref, Object d) throws ReflectiveOperationException {
        Site site = ref.site;
        link(site, d);
        return ((LDict) d).get(site.key);
    }

    private static Object fallbackAssoc(SiteRef<Site> ref, Object d, Object v) throws ReflectiveOperationException {
        Site site = ref.site;
        link(site, d);
        return Colls.assoc(d, site.key, v);
    }

    private static Object fallbackUpdate(SiteRef<Site> ref, Object d, Object f) throws ReflectiveOperationException {
        Site site = ref.site;
        link(site, d);
        return Colls.update(d, site.key, f);
    }

    /** An update entry's new value: f called on the old one, or (f not a function) the prelude's panic. */
    static Object apply(Keyword k, Object d, Object f, Object old) {
        if (f instanceof LFn fn) return fn.call1(old);
        return Colls.update(d, k, f);
    }

    /** The site's operation without a cache, keeping its arguments. */
    private static MethodHandle generic(Site site) throws ReflectiveOperationException {
        MethodHandle h = switch (site.kind) {
            case LOOKUP -> L.findStatic(Invoke.class, "lookup", MethodType.methodType(Object.class,
                    Object.class, Keyword.class, String.class, int.class, int.class));
            case GET -> L.findVirtual(LDict.class, "get", MethodType.methodType(Object.class, Keyword.class));
            case ASSOC -> L.findStatic(Colls.class, "assoc", MethodType.methodType(Object.class,
                    Object.class, Object.class, Object.class));
            case UPDATE -> L.findStatic(Colls.class, "update", MethodType.methodType(Object.class,
                    Object.class, Object.class, Object.class));
        };
        Object[] bound = site.kind == Kind.LOOKUP ? new Object[] {site.key, site.file, site.line, site.col} : new Object[] {site.key};
        return MethodHandles.insertArguments(h, 1, bound).asType(site.type());
    }

    /** {@code (Object rec) -> Object}: the value of key i of a record of r's shape. */
    private static MethodHandle field(Rec r, int i) throws ReflectiveOperationException {
        // a shape's size fixes its record class: the guard implies the cast
        if (r instanceof NumRec && r.shape.isNumber(i)) {
            // the layout keeps it unboxed: boxed on the way out (asType), for the caller to unbox
            return L.findGetter(r.getClass(), "d" + i, double.class).asType(MethodType.methodType(Object.class, Object.class));
        }
        if (r.size() <= Rec.MAX_FIELDS || r instanceof NumRec) { // (NumRec: a field per key, WideNumRecs)
            return L.findGetter(r.getClass(), "v" + i, Object.class).asType(MethodType.methodType(Object.class, Object.class));
        }
        return MethodHandles.insertArguments(Parts.AT, 0, i);
    }

    private static void link(Site site, Object v) throws ReflectiveOperationException {
        if (site.calls < LINK_FROM_CALL) site.calls++;
        if (site.calls < LINK_FROM_CALL || !(v instanceof Rec r)) return;
        if (site.entries >= MAX_ENTRIES) {
            site.setTarget(generic(site)); // megamorphic: stop caching
            return;
        }
        MethodType type = site.type();
        int i = r.shape.indexOf(site.key);
        MethodHandle read;
        if (site.kind == Kind.ASSOC || site.kind == Kind.UPDATE) {
            // a key the shape lacks makes the general form: no cache for that shape
            if (i < 0) return;
            MethodHandle test = MethodHandles.dropArguments(Parts.IS_SHAPE.bindTo(r.shape), 1, Object.class);
            MethodHandle replace = Rec.replacer(r, i).asType(MethodType.methodType(Object.class, Object.class, Object.class));
            if (site.kind == Kind.UPDATE) {
                // (d, f) -> replace (d, apply (k, d, f, field i of d))
                MethodHandle value = MethodHandles.foldArguments(
                        MethodHandles.permuteArguments(MethodHandles.insertArguments(Parts.APPLY, 0, site.key),
                                MethodType.methodType(Object.class, Object.class, Object.class, Object.class), 1, 2, 0),
                        MethodHandles.dropArguments(field(r, i), 1, Object.class));
                replace = MethodHandles.foldArguments(
                        MethodHandles.permuteArguments(MethodHandles.dropArguments(replace, 2, Object.class),
                                MethodType.methodType(Object.class, Object.class, Object.class, Object.class), 1, 0, 2),
                        value);
            }
            site.entries++;
            site.setTarget(MethodHandles.guardWithTest(test, replace.asType(type), site.getTarget()));
            return;
        }
        if (i < 0) {
            Object absent = site.kind == Kind.LOOKUP ? Nil.NIL : null;
            read = MethodHandles.dropArguments(MethodHandles.constant(Object.class, absent), 0, Object.class);
        } else {
            read = field(r, i);
        }
        MethodHandle test = Parts.IS_SHAPE.bindTo(r.shape);
        if (type.parameterCount() > 1) {
            var rest = type.parameterList().subList(1, type.parameterCount());
            read = MethodHandles.dropArguments(read, 1, rest);
            test = MethodHandles.dropArguments(test, 1, rest);
        }
        site.entries++;
        site.setTarget(MethodHandles.guardWithTest(test, read.asType(type), site.getTarget()));
    }
}
