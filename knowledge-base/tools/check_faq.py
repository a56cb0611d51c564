"""Checks the front matter of every FAQ article (format, categories, related slugs, counts).

The rules (keys, categories, counts, body length) live in ../faq-rules.json, which the application reads too.
"""
import os, re, sys, csv, json
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, '..', 'faq')
with open(os.path.join(here, '..', 'faq-rules.json'), encoding='utf-8') as f:
    rules = json.load(f)
# Optional: a TSV (slug<TAB>category<TAB>topic, with header) listing articles that must exist.
req = {}
if len(sys.argv) > 1:
    with open(sys.argv[1], encoding='utf-8') as f:
        for i, line in enumerate(f):
            if i == 0 or not line.strip(): continue
            s, c, _ = line.rstrip('\n').split('\t', 2)
            req[s] = c
cats = set(rules['categories'])
arts = {}
errs = []
for fn in sorted(os.listdir(root)):
    p = os.path.join(root, fn)
    txt = open(p, encoding='utf-8').read()
    m = re.match(r'^---\n(.*?)\n---\n(.*)$', txt, re.S)
    if not m: errs.append(f'{fn}: no front matter'); continue
    fm, body = m.groups()
    d = {}; cur = None
    for line in fm.split('\n'):
        if line.startswith('  - '):
            d[cur].append(line[4:].strip()); continue
        k, _, v = line.partition(':')
        if not _ : errs.append(f'{fn}: bad line {line!r}'); continue
        v = v.strip(); cur = k
        if v == '': d[k] = []
        elif v.startswith('['):
            d[k] = [x.strip() for x in v.strip('[]').split(',')]
        else: d[k] = v
    keys = list(d.keys())
    if keys != rules['keys']: errs.append(f'{fn}: keys {keys}')
    if d.get('slug') + '.md' != fn: errs.append(f'{fn}: slug mismatch')
    if d.get('category') not in cats: errs.append(f'{fn}: bad category')
    if d['slug'] in req and req[d['slug']] != d['category']: errs.append(f'{fn}: category differs from tsv')
    q = d.get('questions', [])
    if not rules['questions']['min'] <= len(q) <= rules['questions']['max']: errs.append(f'{fn}: {len(q)} questions')
    if len(set(q)) != len(q): errs.append(f'{fn}: dup questions')
    for x in q:
        if x[0] in '-?[]{}*&!%@`|>\'"#' or ': ' in x or ' #' in x: errs.append(f'{fn}: risky yaml {x!r}')
    kw = d.get('keywords', [])
    if not rules['keywords']['min'] <= len(kw) <= rules['keywords']['max']: errs.append(f'{fn}: {len(kw)} keywords')
    for k in kw:
        if re.fullmatch(r'[\d.]+', k): errs.append(f'{fn}: numeric keyword {k}')
    n = len(re.sub(r'\s', '', body))
    if not rules['bodyChars']['min'] <= n <= rules['bodyChars']['max']: errs.append(f'{fn}: body {n} chars')
    arts[d['slug']] = d
    d['_n'] = n
for s, d in arts.items():
    rel = d.get('related', [])
    if not rules['related']['min'] <= len(rel) <= rules['related']['max']: errs.append(f'{s}: {len(rel)} related')
    for r in rel:
        if r not in arts: errs.append(f'{s}: related {r} missing')
        if r == s: errs.append(f'{s}: related to itself')
missing = [s for s in req if s not in arts]
# cross-article duplicate questions
seen = {}
for s, d in arts.items():
    for x in d['questions']:
        if x in seen: errs.append(f'dup question across {seen[x]} and {s}: {x}')
        seen[x] = s
print('articles:', len(arts), 'required missing:', missing)
print('extras:', sorted(set(arts) - set(req)))
print('body chars min/max:', min(d['_n'] for d in arts.values()), max(d['_n'] for d in arts.values()))
print('\n'.join(errs) or 'no errors')
sys.exit(1 if errs or missing else 0)
