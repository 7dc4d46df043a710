package dev.ludus.runtime.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * invokedynamic bootstrap for calls of values unknown at compile time:
 * {@code (Object callee, Object a0, ..., Object a(k-1)) Object}, k <= 3. Name "call" returns
 * a final value; "tail" may return a pending TailCall (tail position).
 */
public final class CallSites {
    private CallSites() {}

    public static CallSite bsm_call(MethodHandles.Lookup lookup, String name, MethodType type) throws ReflectiveOperationException {
        int argc = type.parameterCount() - 1;
        var mh = name.equals("tail")
                ? MethodHandles.lookup().findStatic(Invoke.class, "tail" + argc, type)
                : MethodHandles.lookup().findStatic(dev.ludus.runtime.prelude.Calls.class, "call" + argc, type);
        return new ConstantCallSite(mh);
    }
}
