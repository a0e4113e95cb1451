"""Merge driver for .resx files: the union of <data> entries by name.
Usage as git driver: resx-merge.py BASE OURS THEIRS (writes OURS).
Entries keep the base order; entries new on either side are appended (ours first); a value changed on one
side only wins; changed on both sides: ours wins."""
import re, sys

DATA = re.compile(r'  <data name="([^"]+)"[^>]*>.*?</data>\n', re.S)

def entries(text):
    return {m.group(1): m.group(0) for m in DATA.finditer(text)}, [m.group(1) for m in DATA.finditer(text)]

def merge(base, ours, theirs):
    b, border = entries(base)
    o, oorder = entries(ours)
    t, torder = entries(theirs)
    names = []
    seen = set()
    for n in oorder + torder:
        if n not in seen:
            seen.add(n); names.append(n)
    out = []
    for n in names:
        in_o, in_t, in_b = n in o, n in t, n in b
        if in_b and (not in_o or not in_t):
            # deleted on one side: keep deletion only if the other side did not change it
            other = o.get(n) or t.get(n)
            if other == b[n]:
                continue
            out.append(other); continue
        if in_o and in_t:
            if o[n] == t[n] or (in_b and t[n] == b[n]):
                out.append(o[n])
            elif in_b and o[n] == b[n]:
                out.append(t[n])
            else:
                out.append(o[n])
        else:
            out.append(o.get(n) or t.get(n))
    head = ours[:DATA.search(ours).start()] if DATA.search(ours) else ours[:ours.rindex('</root>')]
    return head + ''.join(out) + '</root>\n'

if __name__ == '__main__':
    base, ours, theirs = (open(p, encoding='utf-8').read() for p in sys.argv[1:4])
    result = merge(base, ours, theirs)
    open(sys.argv[2], 'w', encoding='utf-8').write(result)
