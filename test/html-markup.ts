/** Test helper: the markup of an HTML or SVG text csq wrote. */

/** Every tag and attribute written as markup: every `<` of user text is `&lt;`, so each `<` left is csq's. */
export function markup(html: string): { tags: Set<string>; attributes: Set<string>; values: string[] } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const values: string[] = [];
  for (const [, tag, rest] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.add(tag!.toLowerCase());
    for (const [, name, value] of rest!.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)) {
      attributes.add(name!.toLowerCase());
      if (value !== undefined) values.push(value);
    }
  }
  return { tags, attributes, values };
}
