/**
 * Answers → YAML, in the declaration's key order (answers.ts). A new file is written
 * tidy; a file someone else wrote (a consultant's, from `csq init`) is edited in
 * place, so its comments, schema line and layout survive every autosave. Pure.
 */
import { Document, isMap, isScalar, isSeq, Pair, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type * as z from 'zod/mini';
import { keysOf, metaOf, schemaAt, type Answers, type AnswersSchema } from './answers.js';

/** A plain copy of `value` with every mapping's keys in the schema's order (unknown keys last). */
function ordered(value: unknown, schema: z.ZodMiniType | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, schemaAt(schema!, [0])));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const known = keysOf(schema);
  const keys = [...known.filter((k) => Object.hasOwn(record, k)), ...Object.keys(record).filter((k) => !known.includes(k))];
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, ordered(record[k], schema && schemaAt(schema, [k]))]));
}

/** `flow`: the node itself is written on one line (an item of a `flowItems` field). */
function createNode(doc: Document, value: unknown, schema: z.ZodMiniType | undefined, flow = false): Node {
  const node = doc.createNode(ordered(value, schema)) as Node;
  if (flow && (isMap(node) || isSeq(node))) node.flow = true;
  // One line per section of ratings and per policy, as people write them by hand.
  if (metaOf(schema).flowItems && (isMap(node) || isSeq(node))) {
    for (const item of (node as YAMLMap | YAMLSeq).items) {
      const inner = item instanceof Pair ? item.value : item;
      if (isMap(inner) || isSeq(inner)) inner.flow = true;
    }
  }
  return node;
}

/** A new answers file with `header` as its opening comment. */
export function stringifyAnswers(answers: Answers, header: string, schema: AnswersSchema): string {
  const doc = new Document();
  doc.contents = createNode(doc, answers, schema) as YAMLMap;
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Bring `doc` in line with `answers`, changing only what differs: untouched keys keep their
 * comments and layout, new keys go where the declaration orders them, removed ones go.
 */
export function updateAnswersDocument(doc: Document, answers: Answers, schema: AnswersSchema): string {
  if (!isMap(doc.contents)) doc.contents = createNode(doc, {}, schema) as YAMLMap;
  syncMap(doc, doc.contents as YAMLMap, answers as Record<string, unknown>, schema);
  return doc.toString({ lineWidth: 0 });
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function syncMap(doc: Document, map: YAMLMap, value: Record<string, unknown>, schema: z.ZodMiniType | undefined): void {
  const order = keysOf(schema);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const flow = metaOf(schema).flowItems === true;
  map.items = (map.items as Pair[]).filter((pair) => value[keyOf(pair)] !== undefined);
  for (const key of order.filter((k) => value[k] !== undefined)) {
    const child = schemaAt(schema!, [key]);
    const pair = (map.items as Pair[]).find((p) => keyOf(p) === key);
    if (!pair) {
      // After the last key that the declaration puts before this one.
      const at = (map.items as Pair[]).findIndex((p) => rank(keyOf(p)) > rank(key));
      const added = new Pair(new Scalar(key), createNode(doc, value[key], child, flow));
      if (at < 0) map.items.push(added);
      else map.items.splice(at, 0, added);
    } else {
      pair.value = syncNode(doc, pair.value as Node | null, value[key], child, flow);
    }
  }
}

function syncNode(doc: Document, node: Node | null, value: unknown, schema: z.ZodMiniType | undefined, flow: boolean): Node {
  if (isMap(node) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    syncMap(doc, node, value as Record<string, unknown>, schema);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const same = node.items.length <= value.length && node.items.every((item, i) => equal(toJS(item), value[i]));
    if (same) {
      // A list that grew keeps its old items (and their comments): append the new ones.
      const element = schemaAt(schema!, [0]);
      for (const item of value.slice(node.items.length)) node.items.push(createNode(doc, item, element, metaOf(schema).flowItems === true));
      return node;
    }
  }
  if (isScalar(node) && equal(node.value, value)) return node;
  const replaced = createNode(doc, value, schema, flow);
  // Keep the comment written after the old value (`vision: ""   # a few words`).
  if (node && replaced && typeof node === 'object') {
    (replaced as Scalar).comment = (node as Scalar).comment;
    (replaced as Scalar).commentBefore = (node as Scalar).commentBefore;
  }
  return replaced;
}

function toJS(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON: () => unknown }).toJSON() : node;
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
