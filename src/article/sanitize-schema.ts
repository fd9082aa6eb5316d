import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** Elements whose content must never surface as text (script source, CSS, form labels...). */
const strip = [
  'script', 'style', 'template', 'noscript', 'textarea', 'xmp', 'plaintext', 'iframe', 'svg', 'math',
  'title', 'select', 'option', 'button',
];

const tagNames = [
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'img', 'a', 'em', 'strong', 'b', 'i', 'u',
  's', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr', 'time', 'br', 'hr', 'code', 'pre', 'span', 'div',
];

/**
 * The one sanitize schema for article bodies, built on rehype-sanitize's GitHub-style default but narrowed to
 * news markup. No ids or names (DOM clobbering), no classes, styles, event handlers or data-* attributes;
 * links only http(s)/mailto, images only http(s). The image/link decoration added after sanitizing
 * (`loading`, `decoding`, `referrerpolicy`, `rel`) is allowed here with exactly those values so that
 * re-sanitizing our own output is a no-op.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames,
  strip,
  clobber: [],
  clobberPrefix: '',
  ancestors: {
    caption: ['table'], thead: ['table'], tbody: ['table'], tfoot: ['table'], tr: ['table'], th: ['table'], td: ['table'],
    li: ['ul', 'ol'], dt: ['dl'], dd: ['dl'], figcaption: ['figure'],
  },
  attributes: {
    '*': ['dir', 'lang'],
    a: ['href', ['rel', 'noopener', 'noreferrer', 'nofollow']],
    img: [
      'src', 'alt', 'width', 'height',
      ['loading', 'lazy'], ['decoding', 'async'], ['referrerPolicy', 'no-referrer'],
    ],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', ['scope', 'row', 'col', 'rowgroup', 'colgroup']],
    ol: ['start', 'reversed'],
    li: ['value'],
    blockquote: ['cite'],
    q: ['cite'],
    abbr: ['title'],
    time: ['dateTime'],
  },
  required: {},
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
};
