// The model card of polyalign's static model: what it is, what it was trained on and under
// which licences, how to rebuild it, and what it scored on held-out FLORES lines. Made by the
// training command from the run's own figures, so it is deterministic with the weights.

import type { StaticConfig } from '../embed/static/model-files.ts';
import { DEBIAN_LEFT_OUT, DEBIAN_SOURCES, DEFAULT_BRIDGE_PER_PAIR } from './data.ts';
import { FREEDICT_PER_DICTIONARY } from './freedict.ts';

export interface CardFigures {
  config: StaticConfig;
  counts: Record<string, number>;
  /** debian-l10n sources left out for their licence, and their pairs. */
  leftOut?: Record<string, number>;
  /** The FreeDict dictionaries read, with their editions and licences. */
  freedict?: Array<{ name: string; edition: string; licence: string; pairs: number }>;
  /** Held-out FLORES P@1 per language pair: the model alone, the lexical channel alone, combined. */
  heldOut: Record<string, { model: number; lexical: number; combined: number }>;
  weights: Array<{ weight: number; mean: number; min: number }>;
  sizeBytes: number;
  hash: string;
}

const pct = (x: number) => (x * 100).toFixed(1);

export function modelCard(f: CardFigures): string {
  const p = f.config.polyalign;
  const t = p.training as Record<string, unknown>;
  const pairs = Object.entries(f.heldOut);
  const mean = (k: 'model' | 'lexical' | 'combined') => pairs.reduce((s, [, v]) => s + v[k], 0) / pairs.length;
  const gpl = (f.counts.debian ?? 0) + (f.counts.bridge ?? 0) > 0;
  const used = (t.debianSources as string[] | undefined) ?? Object.keys(DEBIAN_SOURCES);
  const rows = [
    `| FLORES-200 dev (NLLB Team, Meta AI): every pair among bos, hrv, srp_Cyrl, slv, ron, mkd, dan, eng; the last ${t.heldOutLines} lines held back | ${f.counts.flores} | CC BY-SA 4.0 |`,
    `| Tatoeba test sets v2021-08-07 (Tatoeba contributors): da, bs, hbs, hr, mk, ro, sl, sr (Cyrillic, Latin) with English | ${f.counts.tatoeba} | CC BY 2.0 FR |`,
    `| Wiktionary word pairs (Wiktionary contributors, via Wiktionary_bli, Izbicki): sh, mk, ro, da, sl with English | ${f.counts.dictionary} | CC BY-SA 3.0 |`,
  ];
  if (f.counts.debian) {
    rows.push(`| debian-l10n: human translations of software in Debian 12 packages, with English (ro, da, sl, hr, sr, mk, bs); sources ${used.map((u) => `${u} (${DEBIAN_SOURCES[u] ?? '?'})`).join(', ')} | ${f.counts.debian} | as listed |`);
  }
  if (f.counts.bridge) rows.push(`| debian-l10n bridges: two of our languages that translate the same English string, at most ${t.bridgePerPair ?? DEFAULT_BRIDGE_PER_PAIR} per language pair | ${f.counts.bridge} | as above |`);
  if (f.counts.pivot) rows.push(`| tatoeba-more, Tatoeba test sets v2021-08-07: our languages with 16 pivot languages (epo deu spa fra nld ita por tur rus ukr nob nor swe fin ces pol), and each pivot with English (at most ${t.pivotEnglish ?? 4000} each) | ${f.counts.pivot} | CC BY 2.0 FR |`);
  if (f.counts.freedict) {
    const dicts = (f.freedict ?? []).map((d) => `${d.name} ${d.edition} (${d.licence}, ${d.pairs})`).join(', ');
    rows.push(`| FreeDict dictionaries (FreeDict contributors), from Debian's dict-freedict-* packages: ${dicts}; at most ${FREEDICT_PER_DICTIONARY} word pairs each | ${f.counts.freedict} | GPL-2.0+ / GPL-3.0+ |`);
  }
  const leftOut = Object.entries(f.leftOut ?? {}).filter(([, n]) => n > 0);
  const licence = gpl
    ? `The weights are released under **GPL-3.0-or-later**, the one licence that every source used allows:
the gettext catalogues, GCompris, calibre, the man pages and debconf templates are GPL-2.0+/GPL-3.0+/LGPL (each
package's own), LibreOffice and Mozilla's strings MPL-2.0 (which allows the GPL as a secondary licence),
FLORES-200 CC BY-SA 4.0 (one-way compatible with GPLv3), GNOME help and Wiktionary CC BY-SA 3.0 (adaptable
under CC BY-SA 4.0, hence GPLv3), Tatoeba CC BY 2.0 FR (attribution only)${f.counts.freedict ? ', the FreeDict dictionaries GPL-2.0+ or GPL-3.0+' : ''}.
${leftOut.length ? `Left out for their licence: ${leftOut.map(([s, n]) => `${s} (${DEBIAN_LEFT_OUT[s]}, ${n} pairs)`).join(', ')}, which the GPL-3.0 does not admit.
` : ''}The gettext catalogues' licences were taken from the extraction's list of packages (Debian main, all free
software, mostly GPL-2.0+ or LGPL), not audited file by file: a catalogue under GPL-2.0-only would not admit
GPL-3.0 and would have to be removed.
Attribution: FLORES-200 (NLLB Team et al., 2022), Tatoeba (tatoeba.org contributors, Tiedemann 2020, the
Tatoeba Translation Challenge), Wiktionary contributors, ${f.counts.freedict ? 'the FreeDict contributors, ' : ''}and the translators of the Debian, GNOME, KDE, Xfce,
LibreOffice, Mozilla, GCompris and calibre projects.`
    : `The weights are derived from share-alike data, so they are released under **CC BY-SA 4.0**
(compatible with the CC BY-SA 3.0 of Wiktionary). Attribution: FLORES-200 (NLLB Team et al., 2022),
Tatoeba (tatoeba.org contributors, Tiedemann 2020, the Tatoeba Translation Challenge), Wiktionary contributors.`;
  return `---
license: ${gpl ? 'gpl-3.0' : 'cc-by-sa-4.0'}
library_name: model2vec
language: [bs, hr, sr, sl, ro, mk, da, en]
tags: [static-embeddings, sentence-similarity, polyalign]
---

# ${p.name} ${p.version}

polyalign's own multilingual sentence encoder: a static model in the manner of model2vec and
sentence-transformers' \`StaticEmbedding\`. A text is normalised (lower case, Cyrillic transliterated,
diacritics folded, a few spelling differences flattened), split into WordPiece tokens of a vocabulary shared
by all languages, and its vector is the normalised sum of its tokens' vectors. It was trained
contrastively (in-batch negatives, both directions) by polyalign itself, from the openly licensed data below.

- vocabulary: ${f.config.tokenizer_name} WordPiece, ${f.counts.vocabulary} pieces; dimension ${f.config.hidden_dim}; weights int8 with one scale (${(f.sizeBytes / 1e6).toFixed(1)} MB)
- sha256 of model.safetensors (first 16 hex digits): \`${f.hash}\`
- in polyalign it is joined with the lexical channel, weight ${p.weight} for this model (see below)

## Files (model2vec's layout)
- \`model.safetensors\`: one tensor \`embeddings\`, ${f.counts.vocabulary} × ${f.config.hidden_dim}, I8; row i is token i. The tensor's one
  scale is in the metadata (\`scale:embeddings\`); a reader that ignores it gets every vector times one constant,
  which the normalised sum does not see.
- \`tokenizer.json\`: a Hugging Face tokenizers WordPiece tokenizer; the normaliser is written out in it.
- \`config.json\`: model2vec's keys (\`normalize\`, \`hidden_dim\`) and polyalign's (\`polyalign\`).

Any tool that reads these can use it: tokenize with tokenizer.json, sum (or average) the rows, normalise.
With model2vec, \`StaticModel.from_pretrained("<this folder>")\` should load it (the layout and keys are
model2vec's; checked in polyalign's tests against the Hugging Face tokenizers library for JavaScript only).

## Training data
Read from polyalign's training folder (never copied into the repository), as listed in its SOURCES.md:

| data | pairs used | licence |
|---|---|---|
${rows.join('\n')}

NTREX-128 and polyalign's seed articles are not used: they are what polyalign is measured on.

## Licence
${licence}

## Rebuild
\`\`\`
npm run train-model          # reads ../shared/train, writes models/${p.name}/
\`\`\`
Deterministic: seed ${t.seed}; the same data gives the same bytes.
Training settings: ${JSON.stringify(t)}

## Quality on held-out FLORES lines (sentence retrieval P@1 among ${t.heldOutLines} lines, both directions)
| pair | this model | lexical channel | combined (weight ${p.weight}) |
|---|---|---|---|
${pairs.map(([k, v]) => `| ${k} | ${pct(v.model)} | ${pct(v.lexical)} | ${pct(v.combined)} |`).join('\n')}
| **mean** | **${pct(mean('model'))}** | **${pct(mean('lexical'))}** | **${pct(mean('combined'))}** |

The combination weight was chosen on these lines:
${f.weights.map((w) => `- weight ${w.weight}: mean ${pct(w.mean)}, lowest pair ${pct(w.min)}`).join('\n')}

## Limits
A static model has no word order and no context: it knows which words translate which, not what a
sentence says. Names, numbers and words that the training data never showed are left to the lexical
channel. The training sentences are short chat (Tatoeba)${f.counts.debian ? ', encyclopedic news (FLORES) and software text\n(debian-l10n)' : ' and encyclopedic news (FLORES)'}, not the news reports polyalign aligns.
`;
}

/** What the model card says of the pair scorer that ships beside the weights (bench/pair-scorer.ts --write). */
export interface PairScorerCardFigures {
  accept: number;
  features: readonly string[];
  /** Candidate pairs it was fitted on. */
  examples: number;
  /** Strict P/R on the held-back events it was checked on: margin mining alone, and with the scorer at each threshold tried. */
  marginAlone: { precision: number; recall: number };
  thresholds: Array<{ accept: number; precision: number; recall: number }>;
}

const PAIR_SCORER_HEADING = '## Pair scorer (pair-scorer.json)';

/** The card's section on the pair scorer. */
export function pairScorerSection(f: PairScorerCardFigures): string {
  const r = (x: number) => x.toFixed(3);
  return `${PAIR_SCORER_HEADING}
Beside the weights lies polyalign's pair scorer for comparable reports: a logistic regression over ${f.features.length - 1}
features of a candidate sentence pair (${f.features.slice(1).join(', ')}), read on the top
candidates of each sentence; pairs from ${f.accept} are linked where margin mining left both sentences free.
It was fitted on ${f.examples} candidate pairs of simulated comparable events (lines dropped, blocks
shuffled, clauses cut or added) built from the held-back FLORES-200 dev lines (CC BY-SA 4.0, within the
weights' licence), and its threshold chosen on other such events as the most recall at no loss of precision
(strict P/R of the 7-language events):
- margin mining alone: P ${r(f.marginAlone.precision)} / R ${r(f.marginAlone.recall)}
${f.thresholds.map((t) => `- with the scorer from ${t.accept}: P ${r(t.precision)} / R ${r(t.recall)}`).join('\n')}

Rebuilt by \`npm run train-model\` after the weights (\`node --import tsx bench/pair-scorer.ts --write\`),
deterministically; polyalign's \`--no-pair-scorer\` leaves it out of a run.
`;
}

/** The card with its pair scorer section put in (before Limits), or replaced where it was already. */
export function withPairScorerSection(card: string, section: string): string {
  const start = card.indexOf(PAIR_SCORER_HEADING);
  if (start >= 0) {
    const next = card.indexOf('\n## ', start + PAIR_SCORER_HEADING.length);
    return card.slice(0, start) + section + (next >= 0 ? '\n' + card.slice(next + 1) : '');
  }
  const limits = card.indexOf('## Limits');
  return limits >= 0 ? `${card.slice(0, limits)}${section}\n${card.slice(limits)}` : `${card}\n${section}`;
}
