#!/usr/bin/env python3
"""Writes tests/fixtures/sdg/sdg-2030-numbered.{zh,ru}.txt: the goals and targets of
A/RES/70/1 laid out as the resolution prints them, from the `.yml` files of
../shared/corpus (see tests/fixtures/sdg/README.md): the resolution's title, then for
each goal a line `目标N. …` / `Цель N. …` and its targets one a line, numbered `N.M`
and `N.a`, a blank line between goals.

Usage (from the repository root, with PyYAML): scripts/make-sdg-numbered.py [CORPUS]
"""

import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'corpus')
TITLE = {
    'zh': '变革我们的世界：2030年可持续发展议程',
    'ru': 'Преобразование нашего мира: Повестка дня в области устойчивого развития на период до 2030 года',
}
GOAL = {'zh': '目标{}. {}', 'ru': 'Цель {}. {}'}


def order(key):
    """Targets in the resolution's order: numbered ones, then lettered ones."""
    sub = key.split('-')[1]
    return (0, int(sub), '') if sub.isdigit() else (1, 0, sub)


for lang in ['zh', 'ru']:
    goals = yaml.safe_load(open(os.path.join(CORPUS, f'sdg-2030-goals.{lang}.yml'), encoding='utf-8'))
    targets = yaml.safe_load(open(os.path.join(CORPUS, f'sdg-2030-targets.{lang}.yml'), encoding='utf-8'))
    out = [TITLE[lang], '']
    for g in range(1, 18):
        out.append(GOAL[lang].format(g, goals[f'{g}-title'].strip()))
        keys = sorted((k[: -len('-title')] for k in targets if re.match(rf'^{g}-[0-9a-z]+-title$', k)), key=order)
        for k in keys:
            out.append(f"{k.replace('-', '.')} {' '.join(targets[k + '-title'].split())}")
        out.append('')
    path = os.path.join(ROOT, 'tests', 'fixtures', 'sdg', f'sdg-2030-numbered.{lang}.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out[:-1]) + '\n')
