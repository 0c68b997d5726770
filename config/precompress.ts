import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Compiler } from 'webpack';

// Writes `file.br` and `file.gz` beside every emitted text asset of the browser build, once, at build time
// (brotli at its best setting is too slow to run per request). server/src/static/h5.ts sends them to
// browsers that accept them.
const TEXT = /\.(?:js|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tapPromise('PrecompressPlugin', async (compilation) => {
      const out = compilation.outputOptions.path ?? compiler.outputPath;
      await Promise.all(
        compilation
          .getAssets()
          .filter((a) => TEXT.test(a.name))
          .map(async (a) => {
            const file = path.join(out, a.name);
            const body = await fs.promises.readFile(file).catch(() => null);
            if (!body || body.length < MIN_BYTES) return;
            const br = zlib.brotliCompressSync(body, {
              params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            });
            const gz = zlib.gzipSync(body, { level: 9 });
            await fs.promises.writeFile(`${file}.br`, br);
            await fs.promises.writeFile(`${file}.gz`, gz);
          }),
      );
    });
  }
}
