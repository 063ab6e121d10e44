// The tokenizer of polyalign's static model, read from a Hugging Face `tokenizer.json`:
// the normaliser (normaliser.ts), BERT's pre-tokenizer (split on white space and on every
// punctuation character) and a WordPiece model (greedy longest match, `##` for pieces inside
// a word). It reads only that subset, so a tokenizer.json that asks for more is refused rather
// than misread; any tool that loads tokenizer.json (tokenizers, transformers.js, model2vec)
// gets the same token ids.

import { normaliser } from './normaliser.ts';
import type { NormaliserSpec } from './normaliser.ts';

export interface TokenizerJson {
  version: string;
  normalizer: NormaliserSpec | null;
  pre_tokenizer: { type: 'BertPreTokenizer' };
  model: {
    type: 'WordPiece';
    unk_token: string;
    continuing_subword_prefix: string;
    max_input_chars_per_word: number;
    vocab: Record<string, number>;
  };
  [key: string]: unknown;
}

const WORD_CACHE_LIMIT = 100_000;

export interface Tokenizer {
  readonly vocabSize: number;
  readonly unkId: number;
  /** Token ids of a text; words the vocabulary cannot spell become the unknown token. */
  encode(text: string): number[];
  /** The normalised words of a text, before WordPiece. */
  words(text: string): string[];
}

/** BERT's punctuation: the ASCII symbol ranges and every Unicode punctuation category. */
function isPunctuation(code: number, ch: string): boolean {
  if ((code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)) return true;
  return code > 127 && /\p{P}/u.test(ch);
}

/** BertPreTokenizer: white space separates words and is dropped; each punctuation character is a word. */
export function bertPreTokenize(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i]!;
    const space = code === 32 || code === 9 || code === 10 || code === 13 || (code > 127 && /\s/u.test(ch));
    if (space || isPunctuation(code, ch)) {
      if (start >= 0) words.push(text.slice(start, i));
      start = -1;
      if (!space) words.push(ch);
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** Greedy longest-match WordPiece over one word; undefined when a piece cannot be found. */
export function wordPiece(word: string, vocab: Map<string, number>, prefix: string, out: number[]): boolean {
  const before = out.length;
  let start = 0;
  while (start < word.length) {
    let end = word.length;
    let id: number | undefined;
    while (end > start) {
      const piece = start === 0 ? word.slice(0, end) : prefix + word.slice(start, end);
      id = vocab.get(piece);
      if (id !== undefined) break;
      end--;
    }
    if (id === undefined) {
      out.length = before;
      return false;
    }
    out.push(id);
    start = end;
  }
  return true;
}

export function createTokenizer(json: TokenizerJson): Tokenizer {
  if (json.model?.type !== 'WordPiece') throw new Error(`Expected a WordPiece tokenizer.json, not ${json.model?.type}`);
  if (json.pre_tokenizer?.type !== 'BertPreTokenizer') throw new Error(`Expected the BertPreTokenizer, not ${json.pre_tokenizer?.type}`);
  const vocab = new Map(Object.entries(json.model.vocab));
  const unkId = vocab.get(json.model.unk_token);
  if (unkId === undefined) throw new Error(`Expected the unknown token ${json.model.unk_token} in the vocabulary`);
  const normalise = json.normalizer ? normaliser(json.normalizer) : (t: string) => t;
  const prefix = json.model.continuing_subword_prefix;
  const maxChars = json.model.max_input_chars_per_word;
  const words = (text: string) => bertPreTokenize(normalise(text));
  // Words recur (news text is Zipfian): each distinct word is spelled with WordPiece once.
  const spelled = new Map<string, number[]>();
  const spell = (word: string): number[] => {
    let ids = spelled.get(word);
    if (ids === undefined) {
      ids = [];
      if (word.length > maxChars || !wordPiece(word, vocab, prefix, ids)) ids = [unkId];
      if (spelled.size >= WORD_CACHE_LIMIT) spelled.clear();
      spelled.set(word, ids);
    }
    return ids;
  };
  return {
    vocabSize: vocab.size,
    unkId,
    words,
    encode(text: string): number[] {
      const ids: number[] = [];
      for (const word of words(text)) for (const id of spell(word)) ids.push(id);
      return ids;
    },
  };
}

/** A tokenizer.json for a WordPiece vocabulary (ids in order) with polyalign's normaliser. */
export function tokenizerJson(pieces: string[], normalizer: NormaliserSpec, unk = '[UNK]'): TokenizerJson {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: pieces.indexOf(unk), content: unk, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer,
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: unk,
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(pieces.map((p, i) => [p, i])),
    },
  };
}
