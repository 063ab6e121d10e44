// Shared by the XML exporters (TMX, TBX): text cleaning and one set of builder options.

import { create } from 'xmlbuilder2';

/** xmlbuilder2 does not export its node type from the package root. */
export type XMLBuilder = ReturnType<typeof create>;

// Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF)
// plus those it discourages (DEL and the C1 controls, §2.2). One forbidden character makes a TMX or
// TBX file unreadable to a strict parser; none of them carries meaning in a news sentence.
const NOT_XML_TEXT = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe for an XML text node or attribute: forbidden characters removed, line breaks as LF. */
export function xmlText(text: string): string {
  // An XML parser turns CR LF and lone CR into LF anyway; writing LF keeps the file the same
  // whatever the line endings of the input were.
  return text.replace(NOT_XML_TEXT, '').replace(/\r\n?/g, '\n');
}

/** A new document with the XML declaration and a DOCTYPE. */
export function xmlDocument(root: string, systemId: string): XMLBuilder {
  // invalidCharReplacement is a second line of defence for any string that skipped xmlText.
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).dtd({ name: root, sysID: systemId });
}

export function serialize(doc: XMLBuilder): string {
  return doc.end({ prettyPrint: true, indent: '  ', newline: '\n' }) + '\n';
}
