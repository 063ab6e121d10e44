import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { combineEmbedders } from '../../src/embed/combined.ts';
import { createLexicalEmbedder } from '../../src/embed/lexical.ts';
import { normaliser, POLYALIGN_NORMALISER } from '../../src/embed/static/normaliser.ts';
import type { NormaliserSpec } from '../../src/embed/static/normaliser.ts';
import { fromHalf, readSafetensors, toHalf, writeSafetensors } from '../../src/embed/static/safetensors.ts';
import { bertPreTokenize, createTokenizer, tokenizerJson } from '../../src/embed/static/tokenizer.ts';
import { createStaticEmbedder, SHIPPED_MODEL_DIR } from '../../src/embed/static.ts';
import { dot } from '../../src/embed/vectors.ts';
import { buildVocabulary, countWords } from '../../src/train/vocabulary.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seedTexts = readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const normalise = normaliser(POLYALIGN_NORMALISER);

describe('the normaliser', () => {
  it('brings Cyrillic and Latin, ijekavian and ekavian, into one spelling', () => {
    expect(normalise('Ким Џонг Ун')).toBe('kim dzong un');
    expect(normalise('Kim Jong-un')).toBe('kim jong-un');
    expect(normalise('меѓу')).toBe(normalise('među'));
    expect(normalise('vrijeme')).toBe(normalise('време'));
    expect(normalise('Phenianul, Ruslands, Šćepan')).toBe('fenianul, ruslands, scepan');
  });

  it('gives what the steps give one at a time (single-character replacements are merged into one pass)', () => {
    const steps = (POLYALIGN_NORMALISER as { normalizers: NormaliserSpec[] }).normalizers.map((s) => normaliser(s));
    for (const text of seedTexts) expect(normalise(text)).toBe(steps.reduce((t, f) => f(t), text));
  });

  it('refuses a normaliser it does not know rather than misreading it', () => {
    expect(() => normaliser({ type: 'Precompiled' } as unknown as NormaliserSpec)).toThrow(/Expected a normaliser of type/);
  });
});

describe('the tokenizer', () => {
  const base = createTokenizer(tokenizerJson(['[UNK]'], POLYALIGN_NORMALISER));
  const pieces = buildVocabulary(countWords(seedTexts, base.words), { prefixes: 600, continuations: 120, minCount: 2, maxWordLength: 24, maxPrefixLength: 6 });
  const json = tokenizerJson(pieces, POLYALIGN_NORMALISER);

  it("splits as BERT's pre-tokenizer does: white space dropped, each punctuation mark a word", () => {
    expect(bertPreTokenize('„Rusija“, rekao je Putin.')).toEqual(['„', 'Rusija', '“', ',', 'rekao', 'je', 'Putin', '.']);
  });

  it('gives the same token ids as the Hugging Face tokenizers library on every seed line', () => {
    const ours = createTokenizer(json);
    const theirs = new Tokenizer(json as never, {});
    let lines = 0;
    for (const text of seedTexts) {
      for (const line of text.split('\n').filter((l) => l.trim())) {
        expect(ours.encode(line)).toEqual(theirs.encode(line, { add_special_tokens: false }).ids);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(60);
  });

  it("spells inflections of a word with a shared first piece (the shipped model's vocabulary)", async () => {
    const model = await createStaticEmbedder(SHIPPED_MODEL_DIR);
    const t = createTokenizer(model.model.tokenizer);
    const vocab = Object.keys(model.model.tokenizer.model.vocab);
    const first = (w: string) => vocab[t.encode(w)[0]!];
    expect(first('predsjednika')).toBe(first('predsjednikom'));
    expect(first('председателот')).toBe(first('predsednik'));
    expect(first('Путин')).toBe(first('Putin'));
    // and the Hugging Face library reads the shipped tokenizer.json the same way
    const theirs = new Tokenizer(model.model.tokenizer as never, {});
    for (const text of seedTexts) expect(t.encode(text)).toEqual(theirs.encode(text, { add_special_tokens: false }).ids);
  });
});

describe('safetensors', () => {
  it('round-trips F32, F16 and I8 tensors', () => {
    const data = Float32Array.from([0, 1, -2.5, 0.333, 65504, 1e-6]);
    const file = writeSafetensors({ a: { dtype: 'F32', shape: [2, 3], data }, b: { dtype: 'F16', shape: [6], data }, c: { dtype: 'I8', shape: [6], data } }, { k: 'v' });
    expect(Number(file.readBigUInt64LE(0)) % 8).toBe(0);
    const { tensors, metadata } = readSafetensors(file);
    expect(metadata.k).toBe('v');
    expect([...tensors.a!.data]).toEqual([...data]);
    expect(tensors.b!.data[2]).toBe(-2.5);
    expect(tensors.b!.data[3]).toBeCloseTo(0.333, 3);
    expect(tensors.c!.data[4]).toBeCloseTo(65504, 0);
    expect(Math.abs(tensors.c!.data[2]! + 2.5)).toBeLessThan(65504 / 127);
  });

  it('rounds halves to nearest even and keeps subnormals', () => {
    expect(toHalf(1)).toBe(0x3c00);
    expect(toHalf(-2)).toBe(0xc000);
    expect(fromHalf(toHalf(2 ** -20))).toBe(2 ** -20);
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toHalf(1e6)).toBe(0x7c00);
  });

  it('refuses a truncated file with a reason', () => {
    const file = writeSafetensors({ a: { dtype: 'F32', shape: [4], data: new Float32Array(4) } });
    expect(() => readSafetensors(file.subarray(0, file.length - 2))).toThrow(/Expected tensor a to hold 16 bytes/);
  });
});

describe('the shipped model', () => {
  it('loads, and puts a translation nearer than an unrelated sentence, across scripts and languages', async () => {
    const model = await createStaticEmbedder(SHIPPED_MODEL_DIR);
    expect(model.kind).toBe('static');
    expect(model.model.config.polyalign.name).toBe('polyalign/static-v2');
    const [ro, mk, da, other] = await model.embed([
      'Președintele a declarat că războiul trebuie să se încheie.',
      'Претседателот изјави дека војната мора да заврши.',
      'Præsidenten sagde, at krigen skal slutte.',
      'Vremea va fi însorită mâine la munte.',
    ]);
    expect(dot(ro!, mk!)).toBeGreaterThan(dot(other!, mk!));
    expect(dot(da!, mk!)).toBeGreaterThan(dot(da!, other!));
    for (const v of [ro!, mk!, da!]) expect(dot(v, v)).toBeCloseTo(1, 5);
  });

  it('joins the lexical channel so that the cosine is the weighted mean of both', async () => {
    const model = await createStaticEmbedder(SHIPPED_MODEL_DIR);
    const texts = ['Putin i Kim sastali su se u Pekingu.', 'Путин и Ким се сретнаа во Пекинг.'];
    const lexical = createLexicalEmbedder({ corpus: texts });
    const both = combineEmbedders(model, lexical, 0.4);
    const [m, l, c] = [await model.embed(texts), await lexical.embed(texts), await both.embed(texts)];
    expect(both.dim).toBe(model.dim + lexical.dim);
    expect(dot(c[0]!, c[1]!)).toBeCloseTo(0.4 * dot(m[0]!, m[1]!) + 0.6 * dot(l[0]!, l[1]!), 5);
  });
});

describe('pairs of neighbours in the static model', () => {
  it('gives a text made of two others and a space the vector of reading it alone, bit for bit', async () => {
    const model = await createStaticEmbedder(SHIPPED_MODEL_DIR);
    const lines = seedTexts.flatMap((t) => t.split(/\n+|(?<=[.!?])\s+/)).filter((l) => l.trim().length > 0).slice(0, 80);
    // corners of the space: a Greek final sigma, ijekavian split at it, a combining mark after it, digraphs, an empty side
    const corners = ['ΟΔΟΣ', 'Αθήνα je grad.', 'Rij', 'je li?', '\u0301naglasak na početku.', 'Ph', 'hoto', 'Đ', 'đak'];
    const texts = [...lines, ...corners];
    const pairs = texts.slice(1).map((t, i) => `${texts[i]} ${t}`);
    const together = await model.embed([...texts, ...pairs]);
    for (const [k, pair] of pairs.entries()) {
      const [alone] = await model.embed([pair]);
      expect(together[texts.length + k], pair).toEqual(alone);
    }
    // and the sentences are what they are alone too
    for (const [k, text] of texts.entries()) expect(together[k]).toEqual((await model.embed([text]))[0]);
  });
});
