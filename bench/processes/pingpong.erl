%% Actor benchmark: 1,000,000 round trips between the main process and one process.
-module(pingpong).
-export([main/0]).

ponger() ->
    receive
        {ping, From} -> From ! pong, ponger();
        stop -> done
    end.

loop(_P, N, N) -> N;
loop(P, I, N) ->
    P ! {ping, self()},
    receive pong -> loop(P, I + 1, N) end.

main() ->
    P = spawn(fun ponger/0),
    N = loop(P, 0, 1000000),
    P ! stop,
    io:format("round trips: ~p~n", [N]).
