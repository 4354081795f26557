#!/usr/bin/env python3
# The longest functions under Sources/ (lines from `func`/`init` to its closing brace,
# comments included): `python3 scripts/longest-functions.py [ROOT] [N]`. A measuring aid for
# reviews, not part of the build.
import re,sys,os
root=sys.argv[1] if len(sys.argv)>1 else '.'
res=[]
for dp,dn,fn in os.walk(os.path.join(root,'Sources')):
    for f in fn:
        if not f.endswith('.swift'): continue
        p=os.path.join(dp,f)
        lines=open(p).read().split('\n')
        for i,l in enumerate(lines):
            m=re.search(r'\b(func|init)\b\s*([A-Za-z_][A-Za-z0-9_]*)?',l)
            if not m or l.strip().startswith('//'): continue
            if '{' not in l and not any('{' in x for x in lines[i+1:i+4]): continue
            # brace matching from first '{' at or after line i
            depth=0; started=False
            for j in range(i,len(lines)):
                s=re.sub(r'"(\\.|[^"\\])*"','""',lines[j])
                for c in s:
                    if c=='{': depth+=1; started=True
                    elif c=='}': depth-=1
                if started and depth<=0:
                    name=(m.group(2) or 'init')
                    res.append((j-i+1,os.path.relpath(p,root),i+1,name)); break
res.sort(reverse=True)
for r in res[:int(sys.argv[2]) if len(sys.argv)>2 else 10]: print("%4d  %s:%d  %s"%r)
