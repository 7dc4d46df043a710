#!/usr/bin/env python3
# ab.py OUT ROUNDS RUNS name=cmd ... : hyperfine -N per round, all commands, order rotated; reports
# median wall (over all runs), mean CPU (user+sys), load average per round.
import json, subprocess, sys, statistics, os
out, rounds, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cmds = [a.split('=', 1) for a in sys.argv[4:]]
wall = {n: [] for n, _ in cmds}; cpu = {n: [] for n, _ in cmds}; loads = []
for r in range(rounds):
    order = cmds[r % len(cmds):] + cmds[:r % len(cmds)]
    loads.append(open('/proc/loadavg').read().split()[0])
    args = ['hyperfine', '-N', '-w', '1', '-r', str(runs), '--export-json', f'{out}.r{r}.json']
    for n, c in order: args += ['-n', n, c]
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    for res in json.load(open(f'{out}.r{r}.json'))['results']:
        wall[res['command']] += res['times']
        cpu[res['command']].append(res['user'] + res['system'])
loads.append(open('/proc/loadavg').read().split()[0])
with open(out, 'w') as f:
    f.write(f"rounds={rounds} runs/round={runs}; load (1 min) per round: {' '.join(loads)}\n")
    f.write(f"{'command':34s} {'wall med ms':>11s} {'CPU mean ms':>11s} {'CPU rounds':>8s}\n")
    for n, c in cmds:
        f.write(f"{n:34s} {statistics.median(wall[n])*1000:11.1f} {statistics.mean(cpu[n])*1000:11.1f} {'/'.join('%.0f' % (x*1000) for x in cpu[n]):>8s}\n")
print(open(out).read())
