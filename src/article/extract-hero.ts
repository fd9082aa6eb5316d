import type { Element, Root } from 'hast';
import type { HeroImage } from './article.ts';
import { isElement, meaningfulChildren, normalizeSpace, textOf } from './hast-tools.ts';

/**
 * When the sanitized body opens with an image (bare, alone in a wrapper, or in a `<figure>`), take it out as the
 * hero so the page does not show it twice; an image caption right after it (`<div><small>…</small></div>`,
 * `<figcaption>`) goes with it. Images further down stay in the body and are not heroes.
 */
export function extractHero(tree: Root): HeroImage | undefined {
  const kids = meaningfulChildren(tree);
  const first = kids[0];
  if (!isElement(first)) return undefined;
  const img = leadingImage(first);
  if (!img) return undefined;
  let caption = first.tagName === 'figure' ? figcaptionOf(first) : '';
  const remove = [first];
  const next = kids[1];
  if (first.tagName !== 'figure' && isElement(next) && isCaption(next)) {
    caption = normalizeSpace(textOf(next));
    remove.push(next);
  }
  tree.children = tree.children.filter((c) => !remove.includes(c as Element));
  const alt = normalizeSpace(String(img.properties['alt'] ?? ''));
  const hero: HeroImage = {
    src: String(img.properties['src']),
    alt,
    ...dimension('width', img),
    ...dimension('height', img),
    ...(caption !== '' && caption !== alt ? { caption } : {}),
  };
  return hero;
}

/** The image when the element is one, or holds only one image and no text. */
function leadingImage(el: Element): Element | undefined {
  if (el.tagName === 'img') return el;
  if (el.tagName !== 'div' && el.tagName !== 'figure' && el.tagName !== 'p') return undefined;
  const kids = meaningfulChildren(el);
  const first = kids[0];
  if (!isElement(first)) return undefined;
  const rest = kids.slice(1);
  const restIsCaption = rest.every((k) => isElement(k) && (k.tagName === 'figcaption' || k.tagName === 'br'));
  return restIsCaption ? leadingImage(first) : undefined;
}

function figcaptionOf(figure: Element): string {
  const cap = figure.children.find((c) => isElement(c) && c.tagName === 'figcaption');
  return cap ? normalizeSpace(textOf(cap)) : '';
}

/** DW/VOA/NYT put the caption in `<div><small>…</small></div>` right after the image. */
function isCaption(el: Element): boolean {
  const kids = meaningfulChildren(el);
  const only = kids[0];
  return kids.length === 1 && isElement(only) && only.tagName === 'small' && textOf(only).length < 300;
}

function dimension(key: 'width' | 'height', img: Element): Partial<Record<'width' | 'height', number>> {
  const raw = String(img.properties[key] ?? '');
  return /^\d{1,5}$/.test(raw) && Number(raw) > 0 ? { [key]: Number(raw) } : {};
}
