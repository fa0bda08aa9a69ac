// Generated tasks for the output-kind decision and compile: closed label sets of any size (intent-like
// names, each label with keywords of its own mixed into shared filler, inputs never repeating), and
// short free text that repeats only a little (SQuAD-like answers).
import type { Example } from '../../core/runtime/types.ts';
import { seededRandom } from '../../core/util/random.ts';

const VERBS = ['book', 'cancel', 'check', 'change', 'find', 'report', 'order', 'reset', 'share', 'play', 'set', 'pay', 'track', 'rate', 'send', 'update', 'show', 'add', 'remove', 'explain'];
const NOUNS = ['flight', 'hotel', 'alarm', 'balance', 'card', 'pin', 'song', 'timer', 'order', 'meeting', 'reminder', 'route', 'bill', 'account', 'recipe', 'weather', 'taxi', 'insurance', 'calendar', 'playlist', 'car', 'ticket', 'password', 'transfer', 'translation', 'shopping_list'];
const FILLER = ['please', 'can', 'you', 'i', 'want', 'to', 'my', 'the', 'a', 'now', 'today', 'for', 'me', 'would', 'like', 'help', 'with', 'need'];

/** `d` intent-like label names ("book_flight", "cancel_hotel", …, then numbered past 520). */
export function labelNames(d: number): string[] {
  return Array.from({ length: d }, (_, i) => {
    const base = `${VERBS[i % VERBS.length]}_${NOUNS[Math.floor(i / VERBS.length) % NOUNS.length]}`;
    return i < VERBS.length * NOUNS.length ? base : `${base}_${Math.floor(i / (VERBS.length * NOUNS.length))}`;
  });
}

/**
 * A label task: `d` labels, about `perLabel` rows each (`skew` > 0 spreads the counts, from about perLabel/(1+skew)
 * to perLabel·(1+skew)), inputs built from each label's three keywords and shared filler, never repeating.
 */
export function labelTask(d: number, perLabel: number, seed: number, skew = 0): Example[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const labels = labelNames(d);
  const keywords = labels.map((_, c) => [0, 1, 2].map((j) => `k${c.toString(36)}${'aeiou'[(c + j) % 5]}${j}`));
  const seen = new Set<string>();
  const out: Example[] = [];
  labels.forEach((label, c) => {
    const rows = Math.max(3, Math.round(perLabel * (1 + skew) ** (2 * rand() - 1)));
    for (let r = 0; r < rows; r++) {
      let text: string;
      do {
        const words = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(FILLER));
        words.splice(Math.floor(rand() * words.length), 0, pick(keywords[c]!));
        if (rand() < 0.5) words.push(pick(keywords[c]!));
        text = words.join(' ');
      } while (seen.has(text));
      seen.add(text);
      out.push({ input: text, output: label });
    }
  });
  // Shuffled so nothing downstream can lean on the order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ANSWER_WORDS = ['john', 'smith', 'paris', 'river', 'blue', 'the', 'north', 'house', '1492', 'king', 'red', 'old', 'mountain', 'city', 'war', 'of', 'new', 'york', 'green', 'lake', 'queen', 'empire', 'south', 'iron', 'gold', 'march', 'bridge', 'tower', 'james', 'lee'];

/**
 * `n` short free-text answers (1–4 words) where a share `again` of the rows repeats an earlier answer and the
 * rest are new: most answers appear once or twice, as in SQuAD.
 */
export function shortAnswers(n: number, seed: number, again = 0.3): string[] {
  const rand = seededRandom(seed);
  const out: string[] = [];
  while (out.length < n) {
    if (out.length > 0 && rand() < again) out.push(out[Math.floor(rand() * out.length)]!);
    else out.push(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ANSWER_WORDS[Math.floor(rand() * ANSWER_WORDS.length)]!).join(' '));
  }
  return out;
}
