/** Where a field path sits in a YAML file, and how a path is written in messages. Pure. */
import { yamlLib } from './yaml-lib.js';
import type { Node, Pair, YAMLMap } from 'yaml';
import { keyName, type YamlSource } from './yaml.js';

export type PathSegment = string | number;


// Keys of each map, indexed once: a file with many unknown keys is located in linear time.
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items as Pair[]) if (!index.has(keyName(pair))) index.set(keyName(pair), pair);
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * Where a field path sits in the file. A missing key resolves to its parent,
 * which is where the user has to add it; `key` points at the key itself.
 */
export function locate(source: YamlSource, path: readonly PathSegment[], key = false): { line: number; column: number } {
  const { isMap, isNode, isScalar, isSeq } = yamlLib();
  let node: Node | null = source.doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    let next: unknown;
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) break;
      const last = i === path.length - 1;
      next = last && key ? pair.key : (pair.value ?? pair.key);
      if (isNode(next) && next.range && (!isScalar(next) || next.value !== null || !isNode(pair.key))) {
        offset = next.range[0];
      } else if (isNode(pair.key) && pair.key.range) {
        offset = pair.key.range[0];
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      if (isNode(next) && next.range) offset = next.range[0];
    } else {
      break;
    }
    node = isNode(next) ? next : null;
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
