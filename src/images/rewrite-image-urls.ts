import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * Points every `<img src>` found in `mirror` at its local copy (and drops `srcset`/`sizes`, which
 * would otherwise still load remote files). HTML without a mirrored image is returned unchanged.
 */
export function rewriteImageUrls(bodyHtml: string, mirror: ReadonlyMap<string, string>): string {
  if (mirror.size === 0 || !bodyHtml.includes('<img')) return bodyHtml;
  const tree = fromHtml(bodyHtml, { fragment: true });
  let changed = false;
  visit(tree, 'element', (node) => {
    const src = node.properties['src'];
    if (node.tagName !== 'img' || typeof src !== 'string') return;
    const local = mirror.get(src.trim());
    if (local === undefined) return;
    node.properties['src'] = local;
    delete node.properties['srcSet'];
    delete node.properties['sizes'];
    changed = true;
  });
  return changed ? toHtml(tree) : bodyHtml;
}
