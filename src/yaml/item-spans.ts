import type { ItemSpan } from '../spans.js';

/** What is recorded of each item: its span's two offsets, the number of its sequence, its index there. */
const ITEM_FIELDS = 4;

/**
 * Where each mapping that is a sequence item is, by its path joined with "/". Reading records
 * numbers only (the paths of the sequences, not of each item), and the map of paths is made on
 * the first look-up: a cold check stores the spans in its cache in their order and looks up the
 * few items a problem is in, so making a path string and a map entry per item was most of what
 * the reader allocated and kept.
 */
export class ItemSpans implements ReadonlyMap<string, ItemSpan> {
  private readonly items: number[] = [];
  private readonly sequencePaths: (string | number)[][] = [];
  private byPath: Map<string, ItemSpan> | undefined;

  /** Records a sequence holding mapping items, at `path`; returns its number. */
  addSequence(path: readonly (string | number)[]): number {
    return this.sequencePaths.push(path.slice()) - 1;
  }

  /** Records an item, after the items inside it, as a map would order them. */
  add(start: number, end: number, sequence: number, index: number): void {
    this.items.push(start, end, sequence, index);
  }

  private map(): Map<string, ItemSpan> {
    if (this.byPath) return this.byPath;
    const prefixes = this.sequencePaths.map((path) => `${path.join('/')}/`);
    const byPath = new Map<string, ItemSpan>();
    const items = this.items;
    for (let k = 0; k < items.length; k += ITEM_FIELDS)
      byPath.set(prefixes[items[k + 2]!] + items[k + 3]!, this.spanAt(k));
    this.byPath = byPath;
    return byPath;
  }

  private spanAt(k: number): ItemSpan {
    const items = this.items;
    return [items[k]!, items[k + 1]!];
  }

  get size(): number {
    return this.items.length / ITEM_FIELDS;
  }

  get(path: string): ItemSpan | undefined {
    return this.map().get(path);
  }

  has(path: string): boolean {
    return this.map().has(path);
  }

  forEach(
    callback: (span: ItemSpan, path: string, map: ReadonlyMap<string, ItemSpan>) => void,
    thisArg?: unknown,
  ): void {
    for (const [path, span] of this.map()) callback.call(thisArg, span, path, this);
  }

  entries(): MapIterator<[string, ItemSpan]> {
    return this.map().entries();
  }

  keys(): MapIterator<string> {
    return this.map().keys();
  }

  /** The spans in their order as offsets, two to an item, as the cache of loaded files stores them. */
  flat(): number[] {
    const items = this.items;
    const flat: number[] = new Array((items.length / ITEM_FIELDS) * 2);
    for (let k = 0, j = 0; k < items.length; k += ITEM_FIELDS, j += 2) {
      flat[j] = items[k]!;
      flat[j + 1] = items[k + 1]!;
    }
    return flat;
  }

  /** The spans in their order, without making the map of paths when it is not made yet. */
  values(): MapIterator<ItemSpan> {
    if (this.byPath) return this.byPath.values();
    const spans: ItemSpan[] = [];
    for (let k = 0; k < this.items.length; k += ITEM_FIELDS) spans.push(this.spanAt(k));
    return spans.values();
  }

  [Symbol.iterator](): MapIterator<[string, ItemSpan]> {
    return this.entries();
  }
}
