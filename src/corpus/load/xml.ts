import { DOMParser } from 'linkedom';

/** The part of the DOM the archive readers use (the project has no DOM typings: it runs on Node). */
export interface XmlElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(tag: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}

/** An XML part of an archive (already checked by zipText: no entity declarations). */
export function parseXml(text: string): XmlElement {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as XmlElement;
}

/** The trimmed text of the first element with this (qualified) tag name, or null. */
export function firstText(node: XmlElement, tag: string): string | null {
  const value = node.getElementsByTagName(tag)[0]?.textContent?.trim();
  return value ? value.replace(/\s+/g, ' ') : null;
}
