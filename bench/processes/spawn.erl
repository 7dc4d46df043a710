%% Actor benchmark: 1,000,000 processes spawned, each answering one message.
-module(spawn).
-export([main/0]).

answer() -> receive {From, X} -> From ! X + 1 end.

collect(N, N, Sum) -> Sum;
collect(I, N, Sum) -> receive Y -> collect(I + 1, N, Sum + Y) end.

main() ->
    Me = self(),
    Pids = [spawn(fun answer/0) || _ <- lists:seq(1, 1000000)],
    [P ! {Me, 1} || P <- Pids],
    Total = collect(0, 1000000, 0),
    io:format("total: ~p~n", [Total]).
