// A small DTD checker for the tests, so element order and required attributes are checked on every
// machine, not only where xmllint is installed. It reads <!ELEMENT>, <!ATTLIST> and parameter
// <!ENTITY %> declarations, turns each content model into a regular expression over the names of
// an element's children, and walks a document parsed by fast-xml-parser. It checks: the root,
// every element declared, children in the order the model allows, no text in element-only content,
// required and fixed attributes, enumerated values, no undeclared attributes.

import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

interface ElementRule {
  model: RegExp;
  mixed: boolean;
  any: boolean;
}

interface AttributeRule {
  name: string;
  values?: string[];
  required: boolean;
  fixed?: string;
}

export interface Dtd {
  elements: Map<string, ElementRule>;
  attributes: Map<string, AttributeRule[]>;
}

function expandEntities(text: string): string {
  const entities = new Map<string, string>();
  for (const m of text.matchAll(/<!ENTITY\s+%\s+([\w.-]+)\s+"([^"]*)"\s*>/g)) entities.set(m[1]!, m[2]!);
  let out = text.replace(/<!--[\s\S]*?-->/g, '');
  for (let i = 0; i < 5; i++) out = out.replace(/%([\w.-]+);/g, (_, name: string) => entities.get(name) ?? '');
  return out;
}

function modelToRegExp(model: string): ElementRule {
  const m = model.trim();
  if (m === 'EMPTY') return { model: /^$/, mixed: false, any: false };
  if (m === 'ANY') return { model: /^/, mixed: true, any: true };
  // Names become `(?:name,)`; a comma (sequence) is concatenation; groups, `|` and the
  // quantifiers * + ? keep their regular-expression meaning. `#PCDATA` leaves an empty alternative.
  const source = (m.replace(/#PCDATA/g, '').match(/[()|,*+?]|[\w.:-]+/g) ?? [])
    .map((t) => (t === '(' ? '(?:' : t === ',' ? '' : /^[\w.:-]+$/.test(t) ? `(?:${t},)` : t))
    .join('');
  return { model: new RegExp(`^${source}$`), mixed: m.includes('#PCDATA'), any: false };
}

export function parseDtd(path: string): Dtd {
  const text = expandEntities(readFileSync(path, 'utf8'));
  const elements = new Map<string, ElementRule>();
  for (const m of text.matchAll(/<!ELEMENT\s+([\w.:-]+)\s+([^>]+)>/g)) elements.set(m[1]!, modelToRegExp(m[2]!));
  const attributes = new Map<string, AttributeRule[]>();
  for (const m of text.matchAll(/<!ATTLIST\s+([\w.:-]+)\s+([^>]*)>/g)) {
    const rules = attributes.get(m[1]!) ?? [];
    const decl = /([\w.:-]+)\s+(CDATA|ID|IDREF|NMTOKEN|\([^)]*\))\s+(#REQUIRED|#IMPLIED|#FIXED\s+"[^"]*"|"[^"]*")/g;
    for (const a of m[2]!.matchAll(decl)) {
      const type = a[2]!;
      const deflt = a[3]!;
      rules.push({
        name: a[1]!,
        values: type.startsWith('(') ? type.slice(1, -1).split('|').map((v) => v.trim()) : undefined,
        required: deflt === '#REQUIRED',
        fixed: deflt.startsWith('#FIXED') ? /"([^"]*)"/.exec(deflt)![1] : undefined,
      });
    }
    attributes.set(m[1]!, rules);
  }
  return { elements, attributes };
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The problems of the document against the DTD; empty when it is valid. */
export function validate(xml: string, dtd: Dtd, root: string): string[] {
  const nodes = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as OrderedNode[];
  const problems: string[] = [];
  const elementsOf = (list: OrderedNode[]) => list.filter((n) => !Object.keys(n).some((k) => k.startsWith('?') || k.startsWith('!')));
  const top = elementsOf(nodes).filter((n) => !('#text' in n));
  if (top.length !== 1 || !(root in top[0]!)) problems.push(`root element is not <${root}>`);

  function walk(node: OrderedNode, path: string): void {
    const name = Object.keys(node).find((k) => k !== ':@')!;
    const here = `${path}/${name}`;
    const rule = dtd.elements.get(name);
    if (!rule) {
      problems.push(`${here}: element not declared`);
      return;
    }
    const children = node[name] as OrderedNode[];
    const elements = children.filter((c) => !('#text' in c));
    const hasText = children.some((c) => '#text' in c && String(c['#text']).trim() !== '');
    if (hasText && !rule.mixed) problems.push(`${here}: text not allowed`);
    const sequence = elements.map((c) => `${Object.keys(c).find((k) => k !== ':@')},`).join('');
    if (!rule.any && !rule.model.test(sequence)) problems.push(`${here}: children ${sequence || '(none)'} do not match ${rule.model}`);

    const attrs = node[':@'] ?? {};
    const declared = dtd.attributes.get(name) ?? [];
    for (const a of declared) {
      const value = attrs[a.name];
      if (value === undefined) {
        if (a.required) problems.push(`${here}: missing required attribute ${a.name}`);
        continue;
      }
      if (a.fixed !== undefined && value !== a.fixed) problems.push(`${here}: ${a.name}="${value}", fixed to "${a.fixed}"`);
      if (a.values && !a.values.includes(value)) problems.push(`${here}: ${a.name}="${value}" not in (${a.values.join('|')})`);
    }
    for (const attr of Object.keys(attrs)) {
      if (!declared.some((a) => a.name === attr)) problems.push(`${here}: undeclared attribute ${attr}`);
    }
    elements.forEach((c, i) => walk(c, `${here}[${i}]`));
  }
  for (const n of top) walk(n, '');
  return problems;
}
