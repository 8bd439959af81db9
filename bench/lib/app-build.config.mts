import { mergeConfig, type UserConfig } from 'vite'
import appConfig from '../../vite.config.ts'
import { APP_BUILD_DIR } from './paths.ts'

// The repository's own Vite configuration with two changes for the benchmarks: the build goes to
// bench/results/build/app instead of dist/, and Vite writes its manifest (which chunk imports which).
// A separate config file also keeps this build out of Vite's lock on `vite build` with the default
// config, so it neither waits for nor blocks another engineer's build of dist/. It is .mts so the
// server's TypeScript project (every .ts file under bench/) leaves it alone: that project cannot
// include the root vite.config.ts, which belongs to tsconfig.node.json.
export default mergeConfig(appConfig as UserConfig, {
  build: { outDir: APP_BUILD_DIR, emptyOutDir: true, manifest: true },
})
