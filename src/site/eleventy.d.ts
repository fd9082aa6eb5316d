/** The part of Eleventy's programmatic API that render-site.ts uses (the package ships no types). */
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: unknown) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's console output (its closing "Wrote N files" line is forced otherwise). */
    disableLogger(): void;
  }
}
