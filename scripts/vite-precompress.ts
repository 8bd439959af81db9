import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/
/** Files smaller than this gain nothing from compression once headers are counted. */
const MIN_BYTES = 1024

/**
 * Writes `.br` and `.gz` copies of the text files of a build next to them, so the server
 * (`@fastify/static` with `preCompressed`) sends them compressed without compressing on
 * every request.
 */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'clientone:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name))
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name)
          const content = await readFile(file)
          if (content.length < MIN_BYTES) return
          const [gzipped, brotli] = await Promise.all([
            gzipAsync(content, { level: 9 }),
            brotliAsync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          ])
          await Promise.all([writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, brotli)])
        }),
      )
    },
  }
}
