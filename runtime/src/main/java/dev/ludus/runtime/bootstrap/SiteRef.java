package dev.ludus.runtime.bootstrap;

import java.lang.invoke.MutableCallSite;

/**
 * What a call site's fallback is bound to: the site, set once it is made (before it is linked).
 * Sites (CallSites, DictSites) are made with their fallback as first target, not from their
 * type: the JDK makes a site of a type an "uninitialised" target first, adapting a generic
 * handle to the type, which spins ~5 LambdaForm classes at a program's first site (start-up).
 * So the fallback is bound before the site exists, to this.
 */
final class SiteRef<S extends MutableCallSite> {
    S site;
}
