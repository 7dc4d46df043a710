%% Actor benchmark: a ring of 10,000 processes passes a token 100 laps (1,000,000 messages).
-module(ring).
-export([main/0]).

node(Next, Main) ->
    receive
        0 -> Main ! done;
        K -> Next ! K - 1, node(Next, Main)
    end.

build(0, Prev, _Main) -> Prev;
build(K, Prev, Main) -> build(K - 1, spawn(fun() -> node(Prev, Main) end), Main).

main() ->
    Me = self(),
    First = spawn(fun() -> receive {link, Nxt} -> node(Nxt, Me) end end),
    Last = build(9999, First, Me),
    First ! {link, Last},
    First ! 1000000,
    receive done -> io:format("token went round~n") end.
