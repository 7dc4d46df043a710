package dev.ludus.compiler.resolve;

import java.util.List;

/**
 * A name bound by an earlier REPL entry, visible to the next entry in a scope between the prelude
 * and the entry's toplevel (so the entry may shadow it, and it shadows prelude names). Its value
 * is in slot {@code slot} of dev.ludus.runtime.Session. {@code nsMembers}: the members when the
 * value is a namespace known at compile time (so `use` works across entries), else null.
 */
public record SessionName(String name, int slot, List<String> nsMembers) {
    public SessionName {
        if (slot < 0) throw new IllegalArgumentException("session slot must be >= 0");
        nsMembers = nsMembers == null ? null : List.copyOf(nsMembers);
    }
}
