import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArticles } from '../archive/load-archive.ts';
import { mirrorImages, type MirrorSummary } from '../images/mirror-images.ts';
import { createProgress } from './create-progress.ts';
import { resolveSiteConfig } from './resolve-site-config.ts';
import { UsageError } from './usage-error.ts';

export const IMAGES_HELP = `Usage: clippings images --mirror [options]

Downloads the remote images the articles show into a local media folder (content-addressed
files like media/ab/abcdef….jpg) and records each outcome in <media>/index.json. Builds then
point <img> at the local copies; images that could not be fetched keep their remote URL.
Only this command uses the network; a second run fetches only what is new.

Options:
  --mirror            download the images (required: this command uses the network)
  --input DIR         folder of seed files (default: content)
  --media DIR         where the images go (default: "mediaDir" of the config, else media)
  --max-bytes N       largest image kept, in bytes (default: 5242880)
  --max-count N       download at most N images in this run (default: no limit)
  --timeout MS        time limit per download attempt (default: 15000)
  --retries N         extra attempts after a 5xx or network error (default: 2)
  --concurrency N     parallel downloads (default: 4)
  --retry-failed      try again the images that failed in earlier runs
  --config FILE       site config (default: clippings.config.json when present)
  --cache-dir DIR     parse cache (default: .cache)
  --quiet             no progress, only the summary
`;

const FLAGS = {
  mirror: { type: 'boolean', default: false },
  input: { type: 'string', default: 'content' },
  media: { type: 'string' },
  'max-bytes': { type: 'string', default: String(5 * 1024 * 1024) },
  'max-count': { type: 'string' },
  timeout: { type: 'string', default: '15000' },
  retries: { type: 'string', default: '2' },
  concurrency: { type: 'string', default: '4' },
  'retry-failed': { type: 'boolean', default: false },
  config: { type: 'string' },
  'cache-dir': { type: 'string', default: '.cache' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * `clippings images --mirror`: exit 0 when every image is mirrored or recorded as failed,
 * 2 on a usage error (thrown as UsageError for main.ts to print). Failed images are not an error:
 * they stay remote and are listed in the summary.
 */
export async function runImagesCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(`images: ${(error as Error).message}`, { cause: error });
  }
  if (values.help) {
    process.stdout.write(IMAGES_HELP);
    return 0;
  }
  if (!values.mirror) throw new UsageError('images: nothing to do; pass --mirror to download the images (uses the network)');
  const maxBytes = positiveInteger(values['max-bytes'], '--max-bytes');
  const maxCount = values['max-count'] === undefined ? undefined : positiveInteger(values['max-count'], '--max-count');
  const timeoutMs = positiveInteger(values.timeout, '--timeout');
  const retries = positiveInteger(values.retries, '--retries', 0);
  const concurrency = positiveInteger(values.concurrency, '--concurrency');

  const config = await resolveSiteConfig(values.config === undefined ? {} : { config: values.config });
  const mediaDir = values.media ?? config.mediaDir ?? 'media';
  const progress = createProgress({ quiet: values.quiet, stream: process.stderr });
  progress.start('read', 0);
  const archive = await loadArticles(values.input, {
    timeZone: config.timeZone,
    outlets: config.outlets,
    cacheDir: join(values['cache-dir'], 'parse'),
    onProgress: (done, total) => {
      if (done === 1) progress.start('read', total);
      progress.update(done);
    },
  });
  progress.stop();

  let started = false;
  const summary = await mirrorImages(archive.articles, {
    mediaDir,
    cacheFile: join(mediaDir, 'index.json'),
    maxBytes,
    timeoutMs,
    retries,
    concurrency,
    retryFailed: values['retry-failed'],
    ...(maxCount === undefined ? {} : { maxCount }),
    onProgress: ({ done, total }) => {
      if (!started) progress.start('images', total);
      started = true;
      progress.update(done);
    },
  });
  progress.stop();
  process.stdout.write(formatImagesSummary(summary, archive.articles.length, mediaDir));
  return 0;
}

/** The summary printed at the end, failures grouped by reason. */
export function formatImagesSummary(summary: MirrorSummary, articles: number, mediaDir: string): string {
  const lines = [
    `images: ${summary.referenced} referenced by ${articles} articles; ${summary.fetched} downloaded ` +
      `(${(summary.bytes / 1024 / 1024).toFixed(1)} MB), ${summary.cached} already in ${mediaDir}/, ` +
      `${summary.failed.length} failed, ${summary.previouslyFailed} failed earlier (--retry-failed to try again)` +
      (summary.skipped > 0 ? `, ${summary.skipped} left for a later run (--max-count)` : ''),
  ];
  const byReason = new Map<string, string[]>();
  for (const { url, reason } of summary.failed) {
    const key = reason.replace(/ \(after \d+ attempts\)$/, '');
    byReason.set(key, [...(byReason.get(key) ?? []), url]);
  }
  for (const [reason, urls] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${reason}: ${urls.length}`);
    for (const url of urls.slice(0, 3)) lines.push(`    ${url}`);
    if (urls.length > 3) lines.push(`    … and ${urls.length - 3} more`);
  }
  return `${lines.join('\n')}\n`;
}

function positiveInteger(value: string, flag: string, min = 1): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new UsageError(`images: ${flag} must be a whole number of at least ${min}, got "${value}"`);
  }
  return number;
}
