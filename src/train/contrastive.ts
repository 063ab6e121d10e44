// Contrastive training of a static sentence encoder, with hand-written gradients.
//
// The model is one matrix E (vocabulary × dim). A text's vector is the sum of the rows of its
// tokens, scaled to unit length; since the sum is normalised, a row's length is the token's
// weight, and training learns it (a frequent function word ends up short, a content word long).
// The loss is the symmetric in-batch softmax of sentence-transformers' MultipleNegativesRanking:
// for a batch of B pairs, the scaled cosines S = s·A·Bᵀ, cross-entropy of each row and of each
// column against the diagonal. Two pairs that translate the same thing (one FLORES line in two
// language pairs) are not each other's negatives: their cells are masked.
//
// Why by hand: the gradient of this model is three small matrix products and a scatter into the
// rows a batch touched, so plain typed arrays are fast enough (the whole model trains in minutes on
// two cores) and the result is deterministic to the byte, which a rebuild check needs; no
// training library that installs here offers both.
//
// Optimiser: Adam, updating only the rows a batch touched (lazy Adam), with a linear decay of
// the learning rate to zero.

import { poolTokens } from '../embed/static/pool.ts';
import { mulberry32 } from '../random.ts';

export interface TrainOptions {
  dim: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Inverse temperature of the softmax (sentence-transformers' default is 20). */
  scale: number;
  seed: number;
  /** Each token of a training text is left out with this probability (at least one stays), so that no single rare token can carry a pair. */
  tokenDropout: number;
  /** Pairs of one story (a FLORES window, a catalogue) go into a batch together, this many at most, as each other's hard negatives; 0: every pair on its own. */
  storyBlock?: number;
  /** Called after each epoch with the mean loss, for progress lines and validation. */
  onEpoch?: (epoch: number, loss: number, model: StaticWeights) => void;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'onEpoch'> = { dim: 384, epochs: 5, batchSize: 256, learningRate: 0.02, scale: 20, seed: 13, tokenDropout: 0.25, storyBlock: 8 };

/** A pair as the trainer sees it: token ids of both sides, its group and its story. */
export interface TokenPair {
  a: Int32Array;
  b: Int32Array;
  group: number;
  story?: number;
}

/**
 * An epoch's order: shuffled, with the pairs of one story kept in runs of at most `block` (shuffled
 * inside the story first), so that a batch holds several sentences of one article side by side and
 * has to tell them apart. Deterministic for the same generator.
 */
export function arrangeByStory(pairs: TokenPair[], block: number, random: () => number): TokenPair[] {
  if (!(block > 1)) return shuffle(pairs.slice(), random);
  const stories = new Map<number, TokenPair[]>();
  const blocks: TokenPair[][] = [];
  for (const p of pairs) {
    if (p.story === undefined) {
      blocks.push([p]);
      continue;
    }
    const list = stories.get(p.story);
    if (list) list.push(p);
    else stories.set(p.story, [p]);
  }
  for (const list of stories.values()) {
    shuffle(list, random);
    for (let i = 0; i < list.length; i += block) blocks.push(list.slice(i, i + block));
  }
  return shuffle(blocks, random).flat();
}

export interface StaticWeights {
  vocabSize: number;
  dim: number;
  /** Row-major, vocabSize × dim. */
  embeddings: Float32Array;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function initialWeights(vocabSize: number, dim: number, seed: number, pieces?: string[]): StaticWeights {
  const random = mulberry32(seed);
  const embeddings = new Float32Array(vocabSize * dim);
  const std = 1 / Math.sqrt(dim);
  for (let i = 0; i < embeddings.length; i++) embeddings[i] = gaussian(random) * std;
  if (pieces) spellingInit(embeddings, pieces, dim, seed);
  return { vocabSize, dim, embeddings };
}

/** A seeded random vector for a character n-gram, from its hash. */
function gramVector(gram: string, dim: number, seed: number): Float32Array {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 0x01000193);
  const random = mulberry32(h >>> 0);
  return Float32Array.from({ length: dim }, () => gaussian(random));
}

/**
 * Start every token from the character trigrams of its spelling (fastText's idea), so that
 * pieces spelled alike start alike: a token that training seldom reaches keeps a vector close
 * to its cognates' (\`predsjednik\`, \`predsednik\`), rather than a random one.
 */
function spellingInit(embeddings: Float32Array, pieces: string[], dim: number, seed: number): void {
  const grams = new Map<string, Float32Array>();
  pieces.forEach((piece, id) => {
    const inside = piece.startsWith('##');
    const marked = `${inside ? '' : '<'}${inside ? piece.slice(2) : piece}`;
    const list: string[] = [];
    for (let i = 0; i + 3 <= marked.length; i++) list.push(marked.slice(i, i + 3));
    if (list.length === 0) return;
    const v = new Float32Array(dim);
    for (const g of list) {
      let r = grams.get(g);
      if (!r) grams.set(g, (r = gramVector(g, dim, seed)));
      for (let j = 0; j < dim; j++) v[j]! += r[j]!;
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += v[j]! * v[j]!;
    const scale = 1 / Math.sqrt(norm || 1);
    for (let j = 0; j < dim; j++) embeddings[id * dim + j] = v[j]! * scale;
  });
}

/** Sum of the rows of `ids` into `out` (length dim); returns its length. */
function pool(weights: StaticWeights, ids: Int32Array, out: Float32Array): number {
  const { dim, embeddings } = weights;
  out.fill(0);
  for (let k = 0; k < ids.length; k++) {
    const base = ids[k]! * dim;
    for (let j = 0; j < dim; j++) out[j]! += embeddings[base + j]!;
  }
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += out[j]! * out[j]!;
  return Math.sqrt(norm);
}

/** The normalised sentence vector of `ids`, as the embedder makes it (a zero vector when it has no tokens). */
export function encodeIds(weights: StaticWeights, ids: Int32Array): Float32Array {
  return poolTokens(weights.embeddings, weights.dim, ids);
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * One line of the scaled cosines (a row or a column of S: `n` cells from `start`, `stride` apart, the
 * right answer at position `diagonal`): adds half its softmax minus the one-hot answer, over n, to the
 * same cells of G, and returns its cross-entropy.
 */
function softmaxGradient(S: Float32Array, G: Float32Array, start: number, stride: number, diagonal: number, n: number): number {
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, S[start + k * stride]!);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp(S[start + k * stride]! - max);
  for (let k = 0; k < n; k++) G[start + k * stride]! += Math.exp(S[start + k * stride]! - max) / sum / (2 * n);
  G[start + diagonal * stride]! -= 1 / (2 * n);
  return Math.log(sum) + max - S[start + diagonal * stride]!;
}

/**
 * Train in place. `epochPairs(epoch)` gives each epoch's pairs (the caller samples or mixes
 * sources); they are shuffled here with the seeded generator.
 */
export function train(weights: StaticWeights, epochPairs: (epoch: number) => TokenPair[], options: TrainOptions): StaticWeights {
  const { dim, embeddings } = weights;
  const B = options.batchSize;
  const random = mulberry32(options.seed ^ 0x9e3779b9);
  const m = new Float32Array(embeddings.length);
  const v = new Float32Array(embeddings.length);
  const grad = new Float32Array(embeddings.length);
  const touched = new Uint8Array(weights.vocabSize);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const sizes = Array.from({ length: options.epochs }, (_, e) => epochPairs(e));
  const totalSteps = sizes.reduce((s, p) => s + Math.ceil(p.length / B), 0);
  let step = 0;

  const A = new Float32Array(B * dim);
  const Bv = new Float32Array(B * dim);
  const normA = new Float32Array(B);
  const normB = new Float32Array(B);
  const S = new Float32Array(B * B);
  const G = new Float32Array(B * B);
  const dA = new Float32Array(B * dim);
  const dB = new Float32Array(B * dim);
  const row = new Float32Array(dim);

  const drop = (ids: Int32Array): Int32Array => {
    if (ids.length < 2) return ids;
    const kept = ids.filter(() => random() >= options.tokenDropout);
    return kept.length > 0 ? kept : ids.subarray(0, 1);
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const pairs = arrangeByStory(sizes[epoch]!, options.storyBlock ?? 0, random);
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < pairs.length; start += B) {
      const batch = options.tokenDropout > 0 ? pairs.slice(start, start + B).map((p) => ({ a: drop(p.a), b: drop(p.b), group: p.group })) : pairs.slice(start, start + B);
      const n = batch.length;
      if (n < 2) continue;
      // Forward: normalised sentence vectors.
      for (let i = 0; i < n; i++) {
        normA[i] = pool(weights, batch[i]!.a, row) || 1;
        for (let j = 0; j < dim; j++) A[i * dim + j] = row[j]! / normA[i]!;
        normB[i] = pool(weights, batch[i]!.b, row) || 1;
        for (let j = 0; j < dim; j++) Bv[i * dim + j] = row[j]! / normB[i]!;
      }
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          let s = 0;
          const [ia, kb] = [i * dim, k * dim];
          for (let j = 0; j < dim; j++) s += A[ia + j]! * Bv[kb + j]!;
          S[i * B + k] = i !== k && batch[i]!.group === batch[k]!.group ? -Infinity : s * options.scale;
        }
      }
      // dLoss/dS: half the row softmax and half the column softmax, minus the diagonal.
      G.fill(0);
      // Rows (stride 1 along a row of S) are the A→B direction, columns (stride B) the B→A one.
      let loss = 0;
      for (let i = 0; i < n; i++) loss += softmaxGradient(S, G, i * B, 1, i, n);
      for (let k = 0; k < n; k++) loss += softmaxGradient(S, G, k, B, k, n);
      lossSum += loss / (2 * n);
      batches++;
      // dA = s·G·B, dB = s·Gᵀ·A.
      dA.fill(0);
      dB.fill(0);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          const g = G[i * B + k]! * options.scale;
          if (g === 0) continue;
          const [ia, kb] = [i * dim, k * dim];
          for (let j = 0; j < dim; j++) {
            dA[ia + j]! += g * Bv[kb + j]!;
            dB[kb + j]! += g * A[ia + j]!;
          }
        }
      }
      // Through the normalisation, then into the rows of every token.
      const scatter = (ids: Int32Array, vec: Float32Array, dvec: Float32Array, offset: number, norm: number) => {
        let proj = 0;
        for (let j = 0; j < dim; j++) proj += vec[offset + j]! * dvec[offset + j]!;
        for (let j = 0; j < dim; j++) row[j] = (dvec[offset + j]! - vec[offset + j]! * proj) / norm;
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k]!;
          touched[id] = 1;
          const base = id * dim;
          for (let j = 0; j < dim; j++) grad[base + j]! += row[j]!;
        }
      };
      for (let i = 0; i < n; i++) {
        scatter(batch[i]!.a, A, dA, i * dim, normA[i]!);
        scatter(batch[i]!.b, Bv, dB, i * dim, normB[i]!);
      }
      // Lazy Adam over the touched rows.
      step++;
      const lr = options.learningRate * (1 - (step - 1) / totalSteps);
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      for (let id = 0; id < weights.vocabSize; id++) {
        if (!touched[id]) continue;
        touched[id] = 0;
        const base = id * dim;
        for (let j = base; j < base + dim; j++) {
          const g = grad[j]!;
          grad[j] = 0;
          m[j] = beta1 * m[j]! + (1 - beta1) * g;
          v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
          embeddings[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
        }
      }
    }
    options.onEpoch?.(epoch, lossSum / Math.max(1, batches), weights);
  }
  return weights;
}
