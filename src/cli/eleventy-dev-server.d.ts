/** The part of @11ty/eleventy-dev-server (CommonJS, untyped) that `clippings serve` uses. */
declare module '@11ty/eleventy-dev-server' {
  interface Logger {
    info(message: string): void;
    log(message: string): void;
    error(message: string): void;
    forceLog(message: string): void;
  }
  interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    portReassignmentRetryCount?: number;
    logger?: Logger;
    /** Run in order before the server maps the URL to a file; each calls next() to go on. */
    middleware?: Array<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => unknown) => void>;
  }
  interface DevServer {
    serve(port: number): void;
    reload(event?: { subtype?: string; files?: string[]; build?: object }): void;
    close(): Promise<void>;
  }
  const EleventyDevServer: { getServer(name: string, dir: string, options?: DevServerOptions): DevServer };
  export default EleventyDevServer;
}
