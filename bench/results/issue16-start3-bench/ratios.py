import math,re,sys
rows={}
for line in open(sys.argv[1]).read().splitlines()[2:]:
    m=re.match(r'(\w+) (java|cold|cached)\s+([\d.]+)\s+([\d.]+)',line)
    if m: rows.setdefault(m[1],{})[m[2]]=(float(m[3]),float(m[4]))
g={k:[] for k in ['wc','wk','cc','ck']}
print(f"{'program':10s} {'CPU cold/j':>10s} {'CPU cached/j':>12s} {'wall cold/j':>11s} {'wall cached/j':>13s}")
for p,r in rows.items():
    a=r['cold'][1]/r['java'][1]; b=r['cached'][1]/r['java'][1]; c=r['cold'][0]/r['java'][0]; d=r['cached'][0]/r['java'][0]
    g['cc'].append(a); g['ck'].append(b); g['wc'].append(c); g['wk'].append(d)
    print(f"{p:10s} {a:10.2f} {b:12.2f} {c:11.2f} {d:13.2f}")
gm=lambda l: math.exp(sum(map(math.log,l))/len(l))
print(f"{'geomean':10s} {gm(g['cc']):10.2f} {gm(g['ck']):12.2f} {gm(g['wc']):11.2f} {gm(g['wk']):13.2f}")
