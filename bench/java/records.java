import java.util.ArrayList;
import java.util.List;

/** Records: 100,000 immutable accounts (a Java record), credited three times, totalled by kind. */
public final class records {
    enum Kind { CHECKING, SAVINGS }

    record Account(double id, Kind kind, double balance) {
        Account withBalance(double b) { return new Account(id, kind, b); }
    }

    static Account make(double i) {
        return new Account(i, BenchMain.mod(i, 2) == 0 ? Kind.CHECKING : Kind.SAVINGS, BenchMain.mod(i * 37, 1000));
    }

    static double interest(Account a) {
        return a.kind() == Kind.SAVINGS ? Math.floor(a.balance() / 20) : 0;
    }

    static Account credit(Account a) { return a.withBalance(a.balance() + interest(a)); }

    static double total(List<Account> accts, Kind kind) {
        double acc = 0;
        for (Account a : accts) if (a.kind() == kind) acc += a.balance();
        return acc;
    }

    static double bench() {
        List<Account> accts = new ArrayList<>();
        for (double i = 0; i < 100_000; i++) accts.add(credit(credit(credit(make(i)))));
        return total(accts, Kind.SAVINGS) + 2 * total(accts, Kind.CHECKING);
    }

    public static void main(String[] args) { BenchMain.run(args, records::bench); }
}
